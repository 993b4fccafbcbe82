"""The trusted side of a run: spawn the judged process, enforce limits, collect events.

The judged process (:mod:`mlkata.judge.child`) runs in its own session so that the whole
process group can be killed; its scratch folder is removed afterwards, whatever happened.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from mlkata.bank import Problem

CHILD = Path(__file__).with_name("child.py")
OUTPUT_BYTES = 1024 * 1024
STARTUP_S = 120.0
PER_TEST_SLACK_S = 1.0


class JudgeError(Exception):
    """The judge itself could not produce a verdict (broken problem, broken interpreter)."""


@attrs.frozen
class Options:
    """How runs are made."""

    python: str = sys.executable
    """Interpreter that runs the solution (it needs torch for torch problems)."""
    time_multiplier: float = 1.0
    """Scales every time limit (slow machines, debugging)."""
    cache_dir: Path | None = None
    """Where reference outputs are cached; None means the user's cache folder."""
    worker: WarmWorker | None = attrs.field(default=None, eq=False)
    """A warm worker to fork runs from (None, not ready or dead: a cold process per run)."""


def limits_for(problem: Problem, options: Options, slack: float = 1.0) -> dict[str, Any]:
    """The limits the judged process applies to each test."""
    scale = options.time_multiplier * slack
    wall = problem.limits.test_time_ms / 1000 * scale
    return {
        "wall_s": wall,
        "cpu_s": wall,
        "memory_mb": problem.limits.memory_mb,
        "output_bytes": OUTPUT_BYTES,
    }


async def run_child(
    problem: Problem,
    source: str,
    filename: str,
    options: Options,
    *,
    slack: float = 1.0,
) -> dict[str, dict[str, Any]]:
    """Run every hidden test's drive part on source; returns the raw event per test name."""
    scratch = tempfile.mkdtemp(prefix="mlkata-run-")
    os.chmod(scratch, 0o700)
    job = {
        "source": source,
        "filename": filename,
        "entry": problem.entry_point,
        "kind": problem.kind,
        "tests_source": problem.tests_source,
        "tests": list(problem.test_names),
        "limits": limits_for(problem, options, slack),
        "forbidden": list(problem.forbidden),
        "scratch": scratch,
    }
    worker = options.worker
    if worker is not None and worker.serves(problem.kind):
        try:
            reader, writer = await worker.connect()
        except OSError:
            worker.restart()  # a dead worker is restarted; this run goes cold
        else:
            return await _run_warm(problem, job, reader, writer, scratch, options, slack)
    env = _child_env()
    try:
        proc = await asyncio.create_subprocess_exec(
            options.python,
            "-P",
            "-X",
            "utf8",
            str(CHILD),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
            cwd=scratch,
            env=env,
            limit=1 << 30,
        )
    except OSError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise JudgeError(f"cannot start the interpreter {options.python!r}: {exc}") from None
    stderr_task = asyncio.ensure_future(_read_capped(proc.stderr, 64 * 1024))
    events: dict[str, dict[str, Any]] = {}
    total = _total_s(problem, options, slack)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(job).encode())
        with contextlib.suppress(ConnectionError):
            await proc.stdin.drain()
        proc.stdin.close()
        ready = await _next_event(proc.stdout, STARTUP_S)
        if ready is None or ready.get("event") != "ready":
            await _kill(proc)
            err = await stderr_task
            raise JudgeError(_startup_failure(options.python, problem, err))
        await _collect(proc.stdout, events, time.monotonic() + total)
        for name in problem.test_names:
            if name not in events:
                events[name] = {"status": "total_time_limit", "total_s": total}
    finally:
        await _kill(proc)
        if not stderr_task.done():
            stderr_task.cancel()
        shutil.rmtree(scratch, ignore_errors=True)
    return events


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    return env


def _total_s(problem: Problem, options: Options, slack: float) -> float:
    total = problem.limits.total_time_ms / 1000 * options.time_multiplier * slack
    return total + PER_TEST_SLACK_S * len(problem.test_names)


async def _run_warm(
    problem: Problem,
    job: dict[str, Any],
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    scratch: str,
    options: Options,
    slack: float,
) -> dict[str, dict[str, Any]]:
    """The same run as a cold child's, in a process forked from the warm worker."""
    events: dict[str, dict[str, Any]] = {}
    total = _total_s(problem, options, slack)
    group: int | None = None
    try:
        writer.write(json.dumps(job).encode())
        await writer.drain()
        writer.write_eof()
        ready = await _next_event(reader, STARTUP_S)
        if ready is None or ready.get("event") != "ready":
            raise JudgeError(f"the warm worker could not start the run of {problem.id}")
        group = int(ready["pid"])
        await _collect(reader, events, time.monotonic() + total)
        for name in problem.test_names:
            if name not in events:
                events[name] = {"status": "total_time_limit", "total_s": total}
    finally:
        if group is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(group, signal.SIGKILL)
        writer.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return events


async def _collect(stream: asyncio.StreamReader, events: dict[str, dict[str, Any]], deadline: float) -> None:
    while True:
        event = await _next_event(stream, deadline - time.monotonic())
        if event is None or event.get("event") == "done":
            return
        if event.get("event") == "test":
            events[str(event.get("name"))] = event


class WarmWorker:
    """A long-lived process with torch and the harness imported, forking a fresh process per run.

    Started in the background (:meth:`start`); until it is ready, and whenever it has died,
    runs fall back to a cold process and a dead worker is restarted.
    """

    def __init__(self, python: str = sys.executable) -> None:
        self.python = python
        self.proc: subprocess.Popen[bytes] | None = None
        self.torch = False
        self._ready = False
        self._folder: str | None = None
        self._starting: asyncio.Task[None] | None = None

    @property
    def socket_path(self) -> str:
        assert self._folder is not None
        return os.path.join(self._folder, "worker.sock")

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self.proc.pid if self.proc is not None and self.proc.poll() is None else None

    def serves(self, kind: str) -> bool:
        """True when it is up and can run a problem of this kind (restarts it if it died)."""
        if not self._ready:
            return False
        if self.pid is None:
            self.restart()
            return False
        return kind != "torch" or self.torch

    def start(self) -> asyncio.Task[None]:
        """Start it in the background (once); returns the task that finishes when it is ready."""
        if self._starting is None or self._starting.done():
            self._starting = asyncio.ensure_future(self.start_now())
        return self._starting

    def restart(self) -> None:
        """Forget a dead worker and start a new one in the background."""
        self._kill()
        self.start()

    async def start_now(self) -> None:
        """Start it and wait until it is ready (or has failed: then runs stay cold)."""
        self._kill()
        self._folder = tempfile.mkdtemp(prefix="mlkata-worker-")
        os.chmod(self._folder, 0o700)
        self.proc = subprocess.Popen(
            [self.python, "-P", "-X", "utf8", str(CHILD), "--serve", self.socket_path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=_child_env(),
        )
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            line = await asyncio.wait_for(asyncio.to_thread(stdout.readline), STARTUP_S)
            ready = json.loads(line)
        except (TimeoutError, ValueError):
            ready = None
        if not isinstance(ready, dict) or ready.get("event") != "worker-ready":
            self._kill()
            return
        self.torch = bool(ready.get("torch"))
        self._ready = True

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """A connection for one run."""
        return await asyncio.open_unix_connection(self.socket_path, limit=1 << 30)

    def _kill(self) -> None:
        self._ready = False
        proc, self.proc = self.proc, None
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(10)
            if proc.stdout is not None:
                proc.stdout.close()
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def stop(self) -> None:
        """Kill it and every run forked from it."""
        self._kill()


async def _next_event(stream: asyncio.StreamReader, timeout: float) -> dict[str, Any] | None:
    if timeout <= 0:
        return None
    try:
        line = await asyncio.wait_for(stream.readline(), timeout)
    except (TimeoutError, asyncio.LimitOverrunError, ValueError):
        return None
    if not line:
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None


async def _read_capped(stream: asyncio.StreamReader | None, cap: int) -> bytes:
    if stream is None:
        return b""
    data = bytearray()
    while chunk := await stream.read(65536):
        if len(data) < cap:
            data += chunk[: cap - len(data)]
    return bytes(data)


async def _kill(proc: asyncio.subprocess.Process) -> None:
    """Kill the judged process's whole group and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(proc.wait(), 10)


def _startup_failure(python: str, problem: Problem, stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    if "No module named 'torch'" in text:
        return (
            f"{problem.id} needs PyTorch, and the interpreter {python} has no torch: "
            f"install it there (pip install torch) or choose an interpreter that has it"
        )
    last = text.splitlines()[-1] if text else "no output"
    return f"the judged process for {problem.id} failed to start under {python}: {last}"
