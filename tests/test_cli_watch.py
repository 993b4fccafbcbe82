"""``mlkata watch`` run as a real process (its JSON stream, its screen in a pipe and in a terminal), and runs
judged on the command line recorded in the progress database.

Every wait reads the process's output with a deadline; nothing sleeps.
"""

from __future__ import annotations

import asyncio
import json
import os
import pty
import queue
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mlkata.filewatch import IN_CLOSE_WRITE, IN_DELETE, IN_MODIFY, IN_MOVED_TO, FileWatch, kind_of, parse_events
from mlkata.review import ReviewQueue
from mlkata.store import Store

ROOT = Path(__file__).resolve().parent.parent
LCS = "longest-common-subsequence"
WRONG = "greedy_two_pointer"  # 5/10, a named mistake
RIGHT = "rolling_row"
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
WAIT_S = 120.0
SUMMARY = re.compile(r"^run (\d+) at \d\d:\d\d:\d\d: (\d+)/(\d+) passed, (\w+), (\d+) ms$")


def solution(name: str, marker: str = f"# mlkata: {LCS}\n") -> str:
    """A golden solution of the problem, with its marker."""
    return marker + (ROOT / "tests" / "solutions" / LCS / f"{name}.py").read_text(encoding="utf-8")


def save_in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """As VS Code's atomic writes do: a new file renamed over the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def env(tmp_path: Path) -> dict[str, str]:
    """English messages; the user's progress database out of reach."""
    return {**os.environ, "MLKATA_LANG": "en", "XDG_DATA_HOME": str(tmp_path / "data")}


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlkata", *args], capture_output=True, text=True, timeout=300, env=env(tmp_path), cwd=tmp_path
    )


class Watcher:
    """``mlkata watch`` in a subprocess, its standard output read line by line on a thread (a pipe, or a terminal)."""

    def __init__(self, tmp_path: Path, *args: str, tty: bool = False) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.shown: list[str] = []
        master, slave = pty.openpty() if tty else os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlkata", "watch", *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
            env=env(tmp_path),
            cwd=tmp_path,
        )
        os.close(slave)
        self.out = master
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        pending = b""
        while True:
            try:
                chunk = os.read(self.out, 65536)
            except OSError:  # a terminal whose other side closed
                chunk = b""
            if not chunk:
                break
            pending += chunk
            *complete, pending = pending.split(b"\n")
            for line in complete:
                self.lines.put(line.decode().rstrip("\r"))
        self.lines.put(None)

    def line(self, timeout: float = WAIT_S) -> str:
        """The next line it prints (fails at the deadline, or when its output ends)."""
        line = self.lines.get(timeout=timeout)
        assert line is not None, f"the watch ended: {self.stop()} {self.stderr()}"
        self.shown.append(line)
        return line

    def event(self) -> dict[str, Any]:
        """The next JSON event."""
        data: dict[str, Any] = json.loads(self.line())
        return data

    def screen(self) -> tuple[list[str], re.Match[str]]:
        """The lines of the next run's screen, up to its summary line (and the summary, matched)."""
        lines = []
        while True:
            line = self.line()
            match = SUMMARY.match(line)
            if match:
                assert self.line().endswith("(Ctrl-C to stop)")
                return lines, match
            lines.append(line)

    def stop(self, sig: int = signal.SIGINT) -> int:
        """Send sig, wait for it to exit; its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(60)

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode() if self.proc.poll() is not None else ""


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Callable[..., Watcher]]:
    """Start watchers; any left running at the end is stopped."""
    started: list[Watcher] = []

    def start(*args: str, tty: bool = False) -> Watcher:
        w = Watcher(tmp_path, *args, tty=tty)
        started.append(w)
        return w

    yield start
    for w in started:
        if w.proc.poll() is None:
            w.proc.kill()
            w.proc.wait(30)
        os.close(w.out)


def family(worker_pid: int) -> str:
    """What identifies the worker's processes: its socket's path, on the command line of the worker and of every fork."""
    argv = Path(f"/proc/{worker_pid}/cmdline").read_bytes().split(b"\0")
    return argv[argv.index(b"--serve") + 1].decode()


def processes_of(socket: str) -> list[int]:
    """Live processes whose command line names the socket (a zombie's is empty)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and socket.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def assert_all_gone(socket: str) -> None:
    """Every process of the worker has ended (each awaited through a pidfd, as it may take a moment to die)."""
    for pid in processes_of(socket):
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            select.select([fd], [], [], 10)
        finally:
            os.close(fd)
    assert processes_of(socket) == []


# -- the JSON stream -------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.fast
def test_json_stream_judges_at_start_then_on_every_save_and_records_each_run(
    tmp_path: Path, watched: Callable[..., Watcher]
) -> None:
    file, db = tmp_path / "lcs.py", tmp_path / "progress.sqlite3"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, str(file), "--json", "--database", str(db))
    ready = w.event()
    assert ready["event"] == "ready" and ready["watcher"] == "inotify" and ready["problem"] == LCS
    assert ready["file"] == str(file) and ready["database"] == str(db) and isinstance(ready["worker_pid"], int)
    socket = family(ready["worker_pid"])
    first = w.event()
    assert (first["event"], first["n"]) == ("run", 1)
    check = json.loads(run_cli(tmp_path, "check", LCS, str(file), "--json", "--no-record").stdout)
    assert set(first["report"]) == set(check) and first["report"]["verdict"] == check["verdict"] == "wrong_answer"
    assert [t["message"] for t in first["report"]["tests"]] == [t["message"] for t in check["tests"]]

    for n, (save, name, verdict) in enumerate(
        [(save_by_rename, RIGHT, "passed"), (save_in_place, WRONG, "wrong_answer"), (save_in_place, RIGHT, "passed")], 2
    ):
        sent = time.perf_counter()
        save(file, solution(name))
        run = w.event()
        waited_ms = (time.perf_counter() - sent) * 1000
        assert (run["event"], run["n"], run["report"]["verdict"]) == ("run", n, verdict)
        assert 0 < run["duration_ms"] <= waited_ms  # the run's own time, within what the save waited for it

    assert w.stop() == 130
    assert "Traceback" not in w.stderr()
    assert_all_gone(socket)
    store = Store.open(db)
    runs = store.runs_of(LCS)
    assert sorted(r["verdict"] for r in runs) == ["passed", "passed", "wrong_answer", "wrong_answer"]
    assert store.unlocked(LCS)  # a pass on the command line unlocks the follow-ups, as in the editor
    assert ("problem", LCS) in ReviewQueue(store).states()  # and puts the problem in the review queue


@pytest.mark.slow
def test_a_burst_of_saves_gives_one_run_of_the_last_text(tmp_path: Path, watched: Callable[..., Watcher]) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, str(file), "--json", "--no-record")
    assert w.event()["event"] == "ready"
    assert w.event()["n"] == 1
    save_in_place(file, solution(RIGHT))
    save_in_place(file, solution(WRONG))
    save_by_rename(file, solution(RIGHT))  # the run of an older text, if started, is superseded
    run = w.event()
    assert (run["n"], run["report"]["verdict"]) == (2, "passed")
    # A vim-style save: the old file renamed away, then a new one written. One run, no "does not exist" between.
    os.rename(file, tmp_path / "lcs.py~")
    save_in_place(file, solution(WRONG))
    run = w.event()
    assert (run["event"], run["n"], run["report"]["verdict"]) == ("run", 3, "wrong_answer")
    assert w.stop() == 130


@pytest.mark.slow
def test_a_deleted_unmarked_or_foreign_file_is_reported_and_watching_goes_on(
    tmp_path: Path, watched: Callable[..., Watcher]
) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, str(file), "--json", "--no-record")
    assert [w.event()["event"], w.event()["event"]] == ["ready", "run"]
    file.unlink()
    assert w.event() == {"event": "error", "message": f"{file} does not exist"}
    save_in_place(file, solution(RIGHT, marker=""))
    assert w.event() == {"event": "error", "message": f"{file} has no marker: its first line must be '# mlkata: {LCS}'"}
    save_in_place(file, solution(RIGHT, marker="# mlkata: edit-distance\n"))
    message = w.event()["message"]
    assert message == f"{file} is marked for edit-distance, not {LCS}: its first line must be '# mlkata: {LCS}'"
    file.write_bytes(b"# mlkata: longest-common-subsequence\n\xff\xfe")
    assert "is not UTF-8 text" in w.event()["message"]
    save_in_place(file, solution(RIGHT))
    run = w.event()
    assert (run["event"], run["n"], run["report"]["verdict"]) == ("run", 2, "passed")
    assert w.stop() == 130


@pytest.mark.slow
def test_polling_where_inotify_is_not_used(tmp_path: Path, watched: Callable[..., Watcher]) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, str(file), "--json", "--no-record", "--poll")
    ready = w.event()
    assert ready["watcher"] == "poll"
    assert w.event()["report"]["verdict"] == "wrong_answer"
    save_by_rename(file, solution(RIGHT))
    assert w.event()["report"]["verdict"] == "passed"
    assert w.stop(signal.SIGTERM) == 143


@pytest.mark.slow
def test_a_closed_pipe_ends_the_watch_quietly(tmp_path: Path) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    command = [sys.executable, "-m", "mlkata", "watch", LCS, str(file), "--json", "--no-record"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(tmp_path))
    assert proc.stdout is not None and proc.stderr is not None
    try:
        assert select.select([proc.stdout], [], [], WAIT_S)[0], "no ready event"
        socket = family(json.loads(proc.stdout.readline())["worker_pid"])
        proc.stdout.close()  # the reader goes away (as `| head -1` does); the next output finds out
        save_by_rename(file, solution(RIGHT))
        assert proc.wait(WAIT_S) == 141
        assert proc.stderr.read() == b""
        assert_all_gone(socket)
    finally:
        proc.kill()
        proc.wait()


# -- the screen ------------------------------------------------------------------------------------


def mask_times(lines: list[str]) -> list[str]:
    """The report's lines without the per-test times (which differ from one run to the next)."""
    return [re.sub(r"\d+\.\d ms", "_ ms", line) for line in lines]


@pytest.mark.slow
def test_the_screen_in_a_pipe_is_what_check_prints_then_a_summary(tmp_path: Path, watched: Callable[..., Watcher]) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, "lcs.py", "--no-record")
    assert w.line() == "watching lcs.py (Ctrl-C to stop)"
    lines, summary = w.screen()
    check = run_cli(tmp_path, "check", LCS, "lcs.py", "--no-record")
    assert check.returncode == 1
    assert mask_times(lines) == mask_times([*check.stdout.splitlines(), ""])
    assert summary.group(1, 2, 3, 4) == ("1", "5", "10", "wrong_answer")
    sent = time.perf_counter()
    save_by_rename(file, solution(RIGHT))
    lines, summary = w.screen()
    assert summary.group(1, 2, 3, 4) == ("2", "10", "10", "passed")
    assert 0 < int(summary.group(5)) <= (time.perf_counter() - sent) * 1000 + 1
    assert not any(CLEAR in line for line in w.shown)  # not a terminal: never cleared
    assert w.stop() == 130
    assert "Traceback" not in w.stderr()


@pytest.mark.slow
@pytest.mark.parametrize("no_clear", [False, True])
def test_in_a_terminal_the_screen_is_cleared_before_each_run(
    tmp_path: Path, watched: Callable[..., Watcher], no_clear: bool
) -> None:
    file = tmp_path / "lcs.py"
    save_in_place(file, solution(WRONG))
    w = watched(LCS, str(file), "--no-record", *(["--no-clear"] if no_clear else []), tty=True)
    assert w.line().startswith("watching ")
    lines, _ = w.screen()
    save_in_place(file, solution(RIGHT))
    again, summary = w.screen()
    assert summary.group(4) == "passed"
    if no_clear:
        assert not any(CLEAR in line for line in w.shown)
    else:
        assert lines[0] == f"{CLEAR}{LCS}  {file}" and again[0] == f"{CLEAR}{LCS}  {file}"
    socket_free = w.stop()
    assert socket_free == 130


def test_a_missing_folder_or_an_unknown_problem_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "watch", LCS, str(tmp_path / "nowhere" / "lcs.py"))
    assert proc.returncode == 2
    assert proc.stderr == f"mlkata: {tmp_path / 'nowhere'} is not a folder: there is nothing to watch\n"
    proc = run_cli(tmp_path, "watch", "no-such-problem", "lcs.py")
    assert proc.returncode == 2 and "unknown problem 'no-such-problem'" in proc.stderr


def test_its_messages_follow_the_locale(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    proc = subprocess.run(
        [sys.executable, "-m", "mlkata", "watch", LCS, str(folder / "lcs.py")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**env(tmp_path), "MLKATA_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"},
    )
    assert (proc.returncode, proc.stderr) == (2, f"mlkata: {folder} 不是文件夹，无法监视\n")


# -- check records its runs ------------------------------------------------------------------------


@pytest.mark.slow
def test_check_records_its_run_unless_told_not_to(tmp_path: Path) -> None:
    file, db = tmp_path / "lcs.py", tmp_path / "progress.sqlite3"
    save_in_place(file, solution(RIGHT))
    assert run_cli(tmp_path, "check", LCS, str(file), "--no-record", "--database", str(db)).returncode == 0
    assert not db.exists()
    assert run_cli(tmp_path, "check", LCS, str(file), "--database", str(db)).returncode == 0
    store = Store.open(db)
    assert [r["verdict"] for r in store.runs_of(LCS)] == ["passed"] and store.unlocked(LCS)
    assert store.source(store.attempts(LCS)[0]["hash"]) == solution(RIGHT)


@pytest.mark.slow
def test_a_database_that_cannot_be_opened_is_a_warning_and_the_run_is_still_shown(tmp_path: Path) -> None:
    file, blocker = tmp_path / "lcs.py", tmp_path / "a-file"
    save_in_place(file, solution(WRONG))
    blocker.write_text("not a folder")
    proc = run_cli(tmp_path, "check", LCS, str(file), "--database", str(blocker / "progress.sqlite3"))
    assert proc.returncode == 1 and "5/10 passed - verdict: wrong_answer" in proc.stdout
    assert proc.stderr.startswith("warning: runs are not recorded in the progress database: cannot create the folder")


# -- the file watch, in this process ---------------------------------------------------------------


def test_inotify_events_are_parsed_and_named_by_kind() -> None:
    def event(mask: int, name: bytes) -> bytes:
        padded = name + b"\0" * (16 - len(name))
        return (1).to_bytes(4, "little") + mask.to_bytes(4, "little") + b"\0" * 4 + len(padded).to_bytes(4, "little") + padded

    assert parse_events(event(IN_MODIFY, b"a.py") + event(IN_MOVED_TO, b"b.py")) == [(IN_MODIFY, b"a.py"), (IN_MOVED_TO, b"b.py")]
    assert [kind_of(m) for m in (IN_CLOSE_WRITE, IN_MOVED_TO, IN_DELETE, IN_MODIFY)] == ["written", "written", "gone", "changed"]


@pytest.mark.parametrize("poll", [False, True])
async def test_the_file_watch_sees_writes_renames_and_deletions_of_its_file_only(tmp_path: Path, poll: bool) -> None:
    file = tmp_path / "lcs.py"
    file.write_text("a")
    seen: asyncio.Queue[str] = asyncio.Queue()
    watch = FileWatch(file, seen.put_nowait, poll=poll)
    assert watch.start() == ("poll" if poll else "inotify")
    try:
        (tmp_path / "other.py").write_text("not watched")
        file.write_text("bb")
        assert await asyncio.wait_for(seen.get(), 10) == "written"
        save_by_rename(file, "ccc")
        kinds = [await asyncio.wait_for(seen.get(), 10)]
        file.unlink()
        while kinds[-1] != "gone":
            kinds.append(await asyncio.wait_for(seen.get(), 10))
        assert kinds == ["written", "gone"]
        assert seen.empty()  # nothing about other.py
    finally:
        watch.close()
