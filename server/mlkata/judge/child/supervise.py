"""The run process's watch over its judged processes: each test's time, output size and exit.

One judged process runs the tests in order; when a test ends it (time limit, crash, exit), a
fresh one carries on with the next test. Every process is killed when its last result is in, and
reaped (with whatever it left behind) when the run ends.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections.abc import Generator, Iterator
from typing import Any

from mlkata.judge.child import judged, lifecycle, protocol
from mlkata.judge.child.protocol import RESTART, Error, Status

RESULT_CAP = 256 * 1024 * 1024
STDOUT_SHOWN = 4000
GRACE_S = 0.5
_RESTART = "restart"
_DIED = "died"

UNREAPED: list[int] = []
"""Judged processes killed once every result was in, reaped by :func:`reap_run`."""


def run_tests(
    run: judged.Run, names: list[str], drives: dict[str, Any], api: Any, wire: Any, first: tuple[int, int] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Run every test in judged processes; yields (name, event) as each finishes.

    One process runs the tests in order; when one ends it (time limit, crash, exit), a fresh
    process goes on with the next test. ``first`` is a judged process already started on this run.
    """
    start = 0
    end = time.monotonic() + run.limits["total_s"]
    retried: set[int] = set()
    while start < len(names):
        if time.monotonic() >= end:
            for name in names[start:]:
                yield name, {"status": Status.TOTAL_TIME_LIMIT, "stdout": "", "stdout_bytes": 0, "fault": ""}
            return
        if first is not None:
            (pid, result_r), first = first, None
        else:
            result_r, result_w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(result_r)
                judged.judged_process(run, names, start, drives, api, wire, result_w)
            os.close(result_w)
        index = start
        try:
            for event in supervise(run, names, start, pid, result_r, end):
                if event.get("status") == Status.SIGNAL and event.get("signal") != "SIGKILL" and index not in retried:
                    # A crash is reported only if a fresh process crashes on that test too: the
                    # harness around the user's code (a watchdog thread, signal handlers) must
                    # never be the reason a test fails.
                    retried.add(index)
                    break
                yield names[index], event
                index += 1
                if event.get("status") == Status.TIME_LIMIT and run.job.get("stop_at_time_limit"):
                    for name in names[index:]:
                        yield name, {"status": Status.NOT_RUN, "stdout": "", "stdout_bytes": 0, "fault": ""}
                    return
        finally:
            os.close(result_r)
        start = index


def supervise(run: judged.Run, names: list[str], start: int, pid: int, result_r: int, end: float) -> Iterator[dict[str, Any]]:
    """Events of one judged process, a test at a time, until it finishes or one test ends it.

    Each test has its wall-clock limit; the run as a whole ends at ``end`` (its total limit).
    """
    index, ended = yield from _results(run, names, start, result_r, end)
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if index >= len(names):
        UNREAPED.append(pid)  # every result is in: reaped later, by reap_run
        return
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = None
    if ended == _RESTART:
        return
    yield _ended_by(run, index, ended, status)


def _results(
    run: judged.Run, names: list[str], start: int, result_r: int, end: float
) -> Generator[dict[str, Any], None, tuple[int, str | None]]:
    """The tests' results as they come; returns (the first test without one, why it has none)."""
    limits = run.limits
    wall = limits["wall_s"] + GRACE_S
    deadline = min(time.monotonic() + wall, end)
    buffer = b""
    index = start
    while index < len(names):
        newline = buffer.find(b"\n")
        if newline >= 0:
            line, buffer = buffer[:newline], buffer[newline + 1 :]
            if line == RESTART:
                return index, _RESTART
            # What the supervisor measured goes last: a line the judged code wrote cannot override it.
            event = reported(line) | test_output(run, index)
            if event["stdout_bytes"] >= int(limits["output_bytes"]):
                event.update(status=Status.OUTPUT_LIMIT)  # writes past the cap failed; whatever it returned
            yield event
            index += 1
            deadline = min(time.monotonic() + wall, end)
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            return index, (Status.TOTAL_TIME_LIMIT if deadline >= end else Status.TIME_LIMIT)
        ready, _, _ = select.select([result_r], [], [], left)
        if not ready:
            continue
        chunk = os.read(result_r, 1 << 20)
        if not chunk:
            return index, _DIED
        buffer += chunk
        if len(buffer) > RESULT_CAP:
            return index, Status.OUTPUT_LIMIT
    return index, None


_MALFORMED = "the judged process wrote something into the judge's result channel that is not a test's result"
_FRAME_FIELDS = ("file", "line", "end_line", "col", "end_col", "name")


def reported(line: bytes) -> dict[str, Any]:
    """A test's result as a judged process reported it: only the fields it may report, of the right shape.

    The judged code can write into the result pipe as the harness does; whatever it writes, the
    line ends this test (never the run process): malformed, nested past any depth the harness
    writes, or with the wrong fields, it is a runtime error saying so.
    """
    try:
        raw = json.loads(line)
        status = raw["status"]
        if status == Status.OK:
            return {"status": Status.OK, "output": raw["output"], "duration_ms": _number(raw.get("duration_ms")), **_inputs(raw)}
        if status == Status.ERROR and raw.get("verdict") in protocol.values(Error).values():
            return {
                "status": Status.ERROR,
                "verdict": raw["verdict"],
                "error": _error(raw["error"]),
                "duration_ms": _number(raw.get("duration_ms")),
            }
    except Exception:  # RecursionError, MemoryError, KeyError, TypeError, ValueError...
        pass
    return {
        "status": Status.ERROR,
        "verdict": Error.RUNTIME_ERROR,
        "error": {"type": "ResultChannel", "module": "", "message": _MALFORMED, "frames": []},
    }


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _inputs(raw: dict[str, Any]) -> dict[str, Any]:
    inputs = raw.get("inputs")
    if not isinstance(inputs, list):
        return {}
    return {"inputs": [[str(pair[0]), str(pair[1])] for pair in inputs[:12] if isinstance(pair, list) and len(pair) == 2]}


def _error(error: Any) -> dict[str, Any]:
    """An exception's description, flat: strings and a list of frames of scalars."""
    frames = []
    for frame in error.get("frames") or []:
        if isinstance(frame, dict):
            frames.append({k: frame.get(k) if isinstance(frame.get(k), int | str) else None for k in _FRAME_FIELDS})
    return {k: str(error.get(k) or "")[:2000] for k in ("type", "module", "message")} | {"frames": frames[:200]}


def _ended_by(run: judged.Run, index: int, ended: str | None, status: int | None) -> dict[str, Any]:
    """The event of the test that ended its judged process: why it ended (``status``: the exit status)."""
    limits = run.limits
    event = test_output(run, index)
    if event["stdout_bytes"] >= int(limits["output_bytes"]) or ended == Status.OUTPUT_LIMIT:
        event.update(status=Status.OUTPUT_LIMIT)
    elif ended in (Status.TIME_LIMIT, Status.TOTAL_TIME_LIMIT):
        event.update(status=ended, duration_ms=limits["wall_s"] * 1000)
    elif status is not None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGXCPU:
            event.update(status=Status.TIME_LIMIT, duration_ms=limits["wall_s"] * 1000)
        elif sig == signal.SIGXFSZ:
            event.update(status=Status.OUTPUT_LIMIT)
        else:
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            event.update(status=Status.SIGNAL, signal=name)
    elif status is not None and os.WIFEXITED(status):
        event.update(status=Status.EXITED, code=os.WEXITSTATUS(status))
    else:
        event.update(status=Status.EXITED, code=None)
    return event


def test_output(run: judged.Run, index: int) -> dict[str, Any]:
    """What test index printed (capped) and any traceback dump; removes both files."""
    scratch = run.job["scratch"]
    out_path = os.path.join(scratch, f"out-{index}.txt")
    tb_path = os.path.join(scratch, f"tb-{index}.txt")
    stdout, out_size, fault = "", 0, ""
    try:
        with open(out_path, "rb") as f:
            out_size = os.fstat(f.fileno()).st_size
            stdout = f.read(STDOUT_SHOWN).decode("utf-8", "replace")
        os.unlink(out_path)
    except OSError:
        pass
    try:
        with open(tb_path, "rb") as f:
            fault = f.read(20000).decode("utf-8", "replace")
        os.unlink(tb_path)
    except OSError:
        pass
    return {"stdout": stdout, "stdout_bytes": out_size, "fault": fault}


def reap_run() -> None:
    """Reap the run's judged processes, then kill what they left behind (reparented to this process)."""
    for pid in UNREAPED:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    UNREAPED.clear()
    lifecycle.kill_orphans()
