"""The progress store: records, solve times, and files it must not use moved aside, never overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mlkata.store import SCHEMA_VERSION, Store, StoreError


def report(verdict: str, passed: int, total: int = 3) -> dict:
    tests = [{"name": f"t{i}", "verdict": "passed" if i < passed else verdict, "duration_ms": 2.0} for i in range(total)]
    return {"problem": "p", "verdict": verdict, "passed": passed, "total": total, "tests": tests}


def test_runs_sources_and_solve_time(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    store.record_start("p", at=1000.0)
    store.record_hint("p", 0, at=1005.0)
    store.record_run("p", report("wrong_answer", 1), "v1", at=1010.0)
    store.record_run("p", report("passed", 3), "v2", at=1100.0)
    store.record_run("p", report("passed", 3), "v2", at=1200.0)
    runs = store.runs_of("p")
    assert [r["verdict"] for r in runs] == ["wrong_answer", "passed", "passed"]
    assert store.source(runs[0]["sourceHash"]) == "v1" and runs[1]["sourceHash"] == runs[2]["sourceHash"]
    stats = store.problem_stats()["p"]
    assert stats == {"runs": 3, "lastVerdict": "passed", "solved": True, "bestSeconds": 100.0}
    assert store.counts()["solves"] == 1, "a second pass of the same attempt is not a second solve"
    assert store.unlocked("p") and not store.unlocked("q")
    assert store.hints_taken("p") == 1
    store.record_start("p", at=2000.0)
    assert store.hints_taken("p") == 0, "a restart starts the hints again"


def test_an_overtime_pass_is_not_a_solve(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    store.record_run("p", report("passed", 3), "x", mock_id="m", round_index=0, overtime=True)
    assert store.counts()["solves"] == 0


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is my precious text, not a database" * 100)
    store = Store.open(path)
    assert store.notice and "moved to" in store.notice and "not a readable SQLite database" in store.notice
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is my precious text")
    store.record_start("p")
    assert Store.open(path).notice is None


def test_a_database_from_a_newer_version_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.notice and "newer version" in store.notice
    (aside,) = [p for p in tmp_path.iterdir() if ".newer-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    kept = sqlite3.connect(aside)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    kept.close()


def test_a_read_only_database_is_reported_on_write(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store.open(path).record_start("p")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    store = Store(conn, path)
    with pytest.raises(StoreError, match="cannot write the progress database"):
        store.record_start("p")
    assert store.hints_taken("p") == 0, "reads still work"


def test_a_path_under_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store.open(tmp_path / "file" / "db.sqlite3")


def test_a_full_disk_is_reported_and_what_was_committed_stays(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    store.record_start("p")
    # SQLite's page cap stands in for a full disk: writes then fail with SQLITE_FULL.
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="cannot write the progress database"):
        for i in range(200):
            store.record_run("p", {"verdict": "passed", "tests": []}, "x = 1\n" * 2000 + str(i))
    store.close()
    again = Store.open(path)
    assert again.notice is None
    assert again._conn.execute("SELECT COUNT(*) FROM starts").fetchone()[0] == 1, "the committed start is kept"
