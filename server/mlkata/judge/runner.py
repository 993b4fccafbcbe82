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
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
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
    total = problem.limits.total_time_ms / 1000 * options.time_multiplier * slack
    total += PER_TEST_SLACK_S * len(problem.test_names)
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
        deadline = time.monotonic() + total
        while True:
            event = await _next_event(proc.stdout, deadline - time.monotonic())
            if event is None:
                break
            if event.get("event") == "done":
                break
            if event.get("event") == "test":
                events[str(event.get("name"))] = event
        for name in problem.test_names:
            if name not in events:
                events[name] = {"status": "total_time_limit", "total_s": total}
    finally:
        await _kill(proc)
        if not stderr_task.done():
            stderr_task.cancel()
        shutil.rmtree(scratch, ignore_errors=True)
    return events


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
