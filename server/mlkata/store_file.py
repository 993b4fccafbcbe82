"""The progress database's file: where it lives, its schema, opening it, and moving an unusable one aside."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

SCHEMA_VERSION = 2
"""2: the review queue (reviews, review_log, answers). Every table is created if missing, so an older file gains them."""
FILE_NAME = "progress.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    problem TEXT NOT NULL,
    at REAL NOT NULL,
    verdict TEXT NOT NULL,
    passed INTEGER NOT NULL,
    total INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    source_hash TEXT,
    tests TEXT NOT NULL,
    mock_id TEXT,
    round INTEGER,
    overtime INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS runs_problem ON runs (problem, at);
CREATE TABLE IF NOT EXISTS sources (hash TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS starts (id INTEGER PRIMARY KEY, problem TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS hints (
    id INTEGER PRIMARY KEY, problem TEXT NOT NULL, idx INTEGER NOT NULL, at REAL NOT NULL, mock_id TEXT
);
CREATE TABLE IF NOT EXISTS solves (
    id INTEGER PRIMARY KEY, problem TEXT NOT NULL, at REAL NOT NULL, seconds REAL,
    hints INTEGER NOT NULL, runs INTEGER NOT NULL, mock_id TEXT
);
CREATE TABLE IF NOT EXISTS giveups (id INTEGER PRIMARY KEY, problem TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (id INTEGER PRIMARY KEY, problem TEXT NOT NULL, at REAL NOT NULL, source_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mocks (
    id TEXT PRIMARY KEY, interview TEXT NOT NULL, started_at REAL NOT NULL, finished_at REAL, state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reviews (
    kind TEXT NOT NULL, item TEXT NOT NULL, card TEXT NOT NULL, due REAL NOT NULL, PRIMARY KEY (kind, item)
);
CREATE TABLE IF NOT EXISTS review_log (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item TEXT NOT NULL, rating INTEGER NOT NULL, at REAL NOT NULL,
    reason TEXT NOT NULL, answer_hash TEXT
);
CREATE INDEX IF NOT EXISTS review_log_at ON review_log (at);
CREATE TABLE IF NOT EXISTS answers (id INTEGER PRIMARY KEY, card TEXT NOT NULL, at REAL NOT NULL, source_hash TEXT NOT NULL);
"""


class StoreError(Exception):
    """The store could not be read or written; the message says which file and why."""


def default_path() -> Path:
    """``progress.sqlite3`` in the user's data folder (XDG on Linux, the platform's elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "mlkata" / FILE_NAME


def connect(path: Path) -> sqlite3.Connection:
    """A connection in WAL mode with full syncs; the schema created or brought up to date."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        conn.executescript(f"BEGIN IMMEDIATE;{SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;")
    return conn


def unusable(path: Path) -> tuple[str, str] | None:
    """Why an existing file cannot be used as our database: (suffix, explanation), else None."""
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10.0)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return "corrupt", f"is not a readable SQLite database ({exc})"
    if check != "ok":
        return "corrupt", f"failed its integrity check ({check})"
    if version > SCHEMA_VERSION:
        return "newer", f"was written by a newer version of ML Kata (schema {version}, this one reads {SCHEMA_VERSION})"
    return None


def move_aside(path: Path, why: str) -> Path:
    """Rename an unusable database (and its WAL files) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        aside = path.with_name(f"{path.name}.{why}-{stamp}" + (f"-{n}" if n else ""))
        if not aside.exists():
            break
        n += 1
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise StoreError(f"the progress database {path} cannot be used and cannot be moved aside: {exc.strerror}") from None
    return aside
