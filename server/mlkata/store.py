"""The progress store: every run, hint, solve, give-up and mock interview, in one SQLite file.

Every write is one transaction in a WAL-mode database with ``synchronous=FULL``, so a process
killed at any moment leaves a readable database holding every committed record. A file that is
not a database (or fails its integrity check), or that a newer version of ML Kata wrote, is moved
aside under a new name and a fresh store is started; :attr:`Store.notice` says what happened.
A store that cannot be written at all (read-only path, full disk) raises :class:`StoreError`,
which callers report without failing the operation that wanted to record something.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mlkata.store_file import SCHEMA, SCHEMA_VERSION, StoreError, connect, default_path, move_aside, unusable

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "default_path", "source_hash"]


def source_hash(text: str) -> str:
    """The content hash under which a source text is stored once."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    """The progress database. Open with :meth:`open`; every method is one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, notice: str | None = None) -> None:
        self._conn = conn
        self.path = path
        """The database file; None for an in-memory store."""
        self.notice = notice
        """A message for the user about what happened on opening (e.g. a file moved aside)."""

    @classmethod
    def open(cls, path: Path | None) -> Store:
        """Open (creating it and its folder if needed) the database at path; None means in memory."""
        if path is None:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.executescript(SCHEMA)
            return cls(conn, None)
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of the progress database {path}: {exc.strerror}") from None
        notice = None
        problem = unusable(path)
        if problem:
            aside = move_aside(path, problem[0])
            notice = f"The progress database {path} {problem[1]}; it was moved to {aside} and a new one started."
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the progress database {path}: {exc}") from None
        return cls(conn, path, notice)

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): committed whole, or rolled back on any error."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            where = self.path or "memory"
            raise StoreError(f"cannot write the progress database {where}: {exc}") from None

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Rows of one read."""
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the progress database {self.path or 'memory'}: {exc}") from None

    # -- writes -----------------------------------------------------------------------------

    def record_run(
        self,
        problem: str,
        report: dict[str, Any],
        source: str,
        *,
        at: float | None = None,
        mock_id: str | None = None,
        round_index: int | None = None,
        overtime: bool = False,
    ) -> int:
        """Store one judged run (report in the ``check --json`` form) and its source; returns its id."""
        at = time.time() if at is None else at
        digest = source_hash(source)
        duration = sum(t.get("duration_ms") or 0.0 for t in report["tests"])
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)", (digest, source))
            cur = db.execute(
                "INSERT INTO runs (problem, at, verdict, passed, total, duration_ms, source_hash, tests, mock_id,"
                " round, overtime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    problem,
                    at,
                    report["verdict"],
                    report["passed"],
                    report["total"],
                    duration,
                    digest,
                    json.dumps(report["tests"]),
                    mock_id,
                    round_index,
                    int(overtime),
                ),
            )
            run_id = int(cur.lastrowid or 0)
            if report["verdict"] == "passed" and not overtime:
                self._record_solve(db, problem, at, mock_id)
        return run_id

    def _record_solve(self, db: sqlite3.Connection, problem: str, at: float, mock_id: str | None) -> None:
        start = self._last_start(db, problem)
        since = start if start is not None else 0.0
        already = db.execute("SELECT 1 FROM solves WHERE problem = ? AND at >= ?", (problem, since)).fetchone()
        if already:
            return
        hints = db.execute("SELECT COUNT(*) FROM hints WHERE problem = ? AND at >= ?", (problem, since)).fetchone()[0]
        runs = db.execute("SELECT COUNT(*) FROM runs WHERE problem = ? AND at >= ?", (problem, since)).fetchone()[0]
        seconds = at - start if start is not None else None
        db.execute(
            "INSERT INTO solves (problem, at, seconds, hints, runs, mock_id) VALUES (?, ?, ?, ?, ?, ?)",
            (problem, at, seconds, hints, runs, mock_id),
        )

    @staticmethod
    def _last_start(db: sqlite3.Connection, problem: str) -> float | None:
        row = db.execute("SELECT MAX(at) FROM starts WHERE problem = ?", (problem,)).fetchone()
        return None if row[0] is None else float(row[0])

    def new_solve(self, problem: str) -> dict[str, Any] | None:
        """The solve the problem's latest run recorded (runs and hints since the start, seconds), else None."""
        rows = self.query(
            "SELECT s.runs, s.hints, s.seconds, s.mock_id FROM solves AS s WHERE s.problem = ? AND s.at = "
            "(SELECT MAX(at) FROM runs WHERE problem = ?) ORDER BY s.id DESC LIMIT 1",
            (problem, problem),
        )
        return {"runs": rows[0][0], "hints": rows[0][1], "seconds": rows[0][2], "mock_id": rows[0][3]} if rows else None

    def effort(self, problem: str) -> tuple[int, float | None]:
        """(failed runs, when work began) since the problem was last (re)started.

        Work began at the last start, else at the first run; None when there is neither.
        """
        with self.transaction() as db:
            start = self._last_start(db, problem)
            since = 0.0 if start is None else start
            failed, first = db.execute(
                "SELECT SUM(verdict != 'passed'), MIN(at) FROM runs WHERE problem = ? AND at >= ?",
                (problem, since),
            ).fetchone()
        return int(failed or 0), start if start is not None else first

    def record_start(self, problem: str, at: float | None = None) -> None:
        """The user (re)started a problem: solve times and hint counts are measured from here."""
        with self.transaction() as db:
            db.execute("INSERT INTO starts (problem, at) VALUES (?, ?)", (problem, time.time() if at is None else at))

    def record_hint(self, problem: str, index: int, mock_id: str | None = None, at: float | None = None) -> None:
        """Hint number index (0-based) of problem was shown."""
        at = time.time() if at is None else at
        with self.transaction() as db:
            db.execute("INSERT INTO hints (problem, idx, at, mock_id) VALUES (?, ?, ?, ?)", (problem, index, at, mock_id))

    def record_giveup(self, problem: str) -> None:
        """The user gave up on problem (which unlocks its follow-ups and solution)."""
        with self.transaction() as db:
            db.execute("INSERT INTO giveups (problem, at) VALUES (?, ?)", (problem, time.time()))

    def save_mock(
        self, mock_id: str, interview: str, started_at: float, finished_at: float | None, state: dict[str, Any]
    ) -> None:
        """Insert or replace a mock interview's whole state."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO mocks (id, interview, started_at, finished_at, state) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET finished_at = excluded.finished_at, state = excluded.state",
                (mock_id, interview, started_at, finished_at, json.dumps(state)),
            )

    # -- reads ------------------------------------------------------------------------------

    def hints_taken(self, problem: str) -> int:
        """How many hints of problem were shown since it was last (re)started."""
        row = self.query(
            "SELECT COUNT(DISTINCT idx) FROM hints WHERE problem = ? AND at >= COALESCE("
            "(SELECT MAX(at) FROM starts WHERE problem = ?), 0)",
            (problem, problem),
        )
        return int(row[0][0])

    def unlocked(self, problem: str) -> bool:
        """True once the problem was solved or given up (follow-ups and solution may be shown)."""
        rows = self.query(
            "SELECT EXISTS(SELECT 1 FROM solves WHERE problem = ?) OR EXISTS(SELECT 1 FROM giveups WHERE problem = ?)",
            (problem, problem),
        )
        return bool(rows[0][0])

    def problem_stats(self) -> dict[str, dict[str, Any]]:
        """Per problem: solved, best solve time in seconds, number of runs, last verdict."""
        stats: dict[str, dict[str, Any]] = {}
        for problem, runs, last_at in self.query("SELECT problem, COUNT(*), MAX(at) FROM runs GROUP BY problem"):
            last = self.query("SELECT verdict FROM runs WHERE problem = ? AND at = ? LIMIT 1", (problem, last_at))
            stats[problem] = {"runs": runs, "lastVerdict": last[0][0] if last else None, "solved": False, "bestSeconds": None}
        for problem, best in self.query("SELECT problem, MIN(seconds) FROM solves GROUP BY problem"):
            entry = stats.setdefault(problem, {"runs": 0, "lastVerdict": None})
            entry["solved"] = True
            entry["bestSeconds"] = best
        return stats

    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The latest runs, newest first."""
        rows = self.query(
            "SELECT id, problem, at, verdict, passed, total, mock_id, overtime FROM runs ORDER BY at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [
            {
                "id": r[0],
                "problem": r[1],
                "at": r[2],
                "verdict": r[3],
                "passed": r[4],
                "total": r[5],
                "mock": r[6],
                "overtime": bool(r[7]),
            }
            for r in rows
        ]

    def runs_of(self, problem: str) -> list[dict[str, Any]]:
        """Every run of a problem, oldest first, with its per-test results."""
        rows = self.query(
            "SELECT id, at, verdict, passed, total, source_hash, tests FROM runs WHERE problem = ? ORDER BY at, id",
            (problem,),
        )
        return [
            {
                "id": r[0],
                "at": r[1],
                "verdict": r[2],
                "passed": r[3],
                "total": r[4],
                "sourceHash": r[5],
                "tests": json.loads(r[6]),
            }
            for r in rows
        ]

    def record_snapshot(self, problem: str, source: str, at: float | None = None) -> str:
        """Keep a text that was never run (e.g. the editor's text before a restore); returns its hash."""
        at = time.time() if at is None else at
        digest = source_hash(source)
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)", (digest, source))
            db.execute("INSERT INTO snapshots (problem, at, source_hash) VALUES (?, ?, ?)", (problem, at, digest))
        return digest

    def attempts(self, problem: str) -> list[dict[str, Any]]:
        """Each distinct text of a problem (runs and snapshots), newest first, with its latest outcome."""
        rows = self.query(
            "SELECT source_hash, at, verdict, passed, total, 'run' FROM runs WHERE problem = ? AND source_hash IS NOT NULL"
            " UNION ALL SELECT source_hash, at, NULL, NULL, NULL, 'snapshot' FROM snapshots WHERE problem = ?"
            " ORDER BY 2 DESC",
            (problem, problem),
        )
        seen: set[str] = set()
        out = []
        for digest, at, verdict, passed, total, kind in rows:
            if digest in seen:
                continue
            seen.add(digest)
            out.append({"hash": digest, "at": at, "verdict": verdict, "passed": passed, "total": total, "kind": kind})
        return out

    def source(self, digest: str) -> str | None:
        """A stored source text by its hash."""
        rows = self.query("SELECT text FROM sources WHERE hash = ?", (digest,))
        return rows[0][0] if rows else None

    def run_days(self) -> list[str]:
        """Local dates (YYYY-MM-DD) with at least one run, newest first."""
        rows = self.query("SELECT DISTINCT date(at, 'unixepoch', 'localtime') AS d FROM runs ORDER BY d DESC")
        return [r[0] for r in rows]

    def active_mock(self) -> dict[str, Any] | None:
        """The state of the unfinished mock interview, if any (the latest one)."""
        rows = self.query("SELECT state FROM mocks WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1")
        return json.loads(rows[0][0]) if rows else None

    def mock(self, mock_id: str) -> dict[str, Any] | None:
        """A mock interview's state by id."""
        rows = self.query("SELECT state FROM mocks WHERE id = ?", (mock_id,))
        return json.loads(rows[0][0]) if rows else None

    def finished_mocks(self, limit: int = 20) -> list[dict[str, Any]]:
        """The states of the latest finished mock interviews, newest first."""
        rows = self.query("SELECT state FROM mocks WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?", (limit,))
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        """Totals: runs, solves, hints, give-ups, finished mock interviews."""
        out = {}
        for name, sql in (
            ("runs", "SELECT COUNT(*) FROM runs"),
            ("solves", "SELECT COUNT(*) FROM solves"),
            ("hints", "SELECT COUNT(*) FROM hints"),
            ("giveups", "SELECT COUNT(*) FROM giveups"),
            ("mocks", "SELECT COUNT(*) FROM mocks WHERE finished_at IS NOT NULL"),
        ):
            out[name] = int(self.query(sql)[0][0])
        return out
