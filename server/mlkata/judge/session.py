"""Starting a run process for one job, and ending it: forked from a warm worker, else a cold interpreter.

A run waits a little for a worker still starting; a worker that cannot start a run within
:data:`WARM_READY_S` is restarted and the run retried cold. Leaving a session ends the run: one that
reported is left to reap its processes and exit (made sure of in the background), one that did not
is killed with its whole process group; its scratch folder is removed either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

from mlkata.i18n import t
from mlkata.judge.child.protocol import Event
from mlkata.judge.options import JudgeError, Options
from mlkata.judge.workers import CHILD, STARTUP_S, WarmWorker, child_env

if TYPE_CHECKING:
    from mlkata.bank import Problem

_log = logging.getLogger(__name__)


async def _start(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    job: bytes,
    close_input: bool,
    wait_s: float,
    stuck: Callable[[], str | None] | None = None,
) -> None:
    """Send the job and wait for the run process's ``ready`` (raises _StartupFailed).

    ``stuck`` says why the process that should start the run cannot (a warm worker stopped or
    dead): asked every HEALTH_EVERY_S while waiting, so such a worker costs a run about a second,
    not the whole ``wait_s``, which stays for a worker that is merely slow under load.
    """
    try:
        writer.write(job)
        await writer.drain()
        if close_input:
            writer.write_eof()
    except OSError:  # ConnectionError included
        raise _StartupFailed("the run process closed its input") from None
    deadline = time.monotonic() + wait_s
    while True:
        try:
            line = await asyncio.wait_for(reader.readline(), max(0.0, min(HEALTH_EVERY_S, deadline - time.monotonic())))
        except TimeoutError:
            why = stuck() if stuck is not None else None
            if why or time.monotonic() >= deadline:
                raise _StartupFailed(why or "no ready event") from None
            continue
        except (OSError, ValueError, asyncio.LimitOverrunError):
            line = b""
        if not line:
            raise _StartupFailed("the run process closed its output")
        break
    ready = _event(line)
    if ready is None or ready.get("event") != Event.READY:
        raise _StartupFailed("no ready event" if ready is None else f"{ready.get('event')!r} before ready")
    reader.mlkata_group = int(ready["pid"])  # type: ignore[attr-defined]  # its process group, killed on the way out
    reader.mlkata_sandbox = ready.get("sandbox")  # type: ignore[attr-defined]  # what confines its judged processes


class _StartupFailed(Exception):
    pass


WAIT_FOR_WORKER_S = 10.0
"""How long a run waits for a worker that is still starting before it goes cold."""

HEALTH_EVERY_S = 1.0
"""While a run waits for its start, how often the warm worker's health is checked."""

WARM_READY_S = 10.0
"""How long a run forked from a warm worker may take to say it is ready (it has nothing to import:
measured well under a second on a loaded machine); past that the worker is taken as broken."""


async def _pick_worker(problem: Problem, options: Options) -> WarmWorker | None:
    """The warm worker that runs this problem, or None for a cold process.

    A run waits for a worker that is still starting (up to WAIT_FOR_WORKER_S): it started earlier
    and does the same imports a cold process would, so it is ready first (measured: waiting gives
    the first result about 2 s sooner than a cold process for the reference, then another for the
    user's code). A worker that failed to start, or takes longer, leaves the run cold.
    """
    if problem.kind == "python":
        for candidate in (options.python_worker, options.worker):
            if candidate is not None and candidate.serves("python"):
                return candidate
        # A cold pure-Python process is as cheap as the torch-free worker's start: wait only for that one.
        waited = options.python_worker
    else:
        waited = options.worker
    if waited is None:
        return None
    if not waited.serves(problem.kind):
        await waited.settle(WAIT_FOR_WORKER_S)
    return waited if waited.serves(problem.kind) else None


async def _start_warm(
    worker: WarmWorker, problem: Problem, job: bytes, close_input: bool
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | None:
    """A run forked from the worker, started on the job; None when the worker could not start it.

    A worker that does not start a run within WARM_READY_S, whose run dies first, or that is found
    stopped or dead while the run waits (checked every HEALTH_EVERY_S) is broken: it is restarted,
    with what its processes were doing logged, and the run is retried once, cold.
    """
    try:
        reader, writer = await worker.connect()
    except OSError:
        worker.restart()  # a dead worker is restarted; this run goes cold
        return None
    try:
        await _start(reader, writer, job, close_input, WARM_READY_S, worker.health)
    except _StartupFailed as failure:
        _end_run(reader, writer, None)
        _log.warning(
            "the warm worker did not start the run of %s (%s; waited at most %g s); restarting it, this run goes cold. %s",
            problem.id,
            failure,
            WARM_READY_S,
            worker.describe(),
        )
        worker.failures += 1
        worker.restart()
        return None
    return reader, writer


@contextlib.asynccontextmanager
async def session(
    problem: Problem, options: Options, job: dict[str, Any], close_input: bool
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """A run process (forked from a warm worker, else a cold interpreter) started on the job: its event stream and input.

    ``close_input``: the job is all it gets (no expected outputs follow). On leaving, a run that
    reported is left to reap its processes and exit on its own (and made sure of in the
    background); one that did not is killed with its whole group at once.
    """
    data = json.dumps(job).encode() + b"\n"
    worker = await _pick_worker(problem, options)
    streams = await _start_warm(worker, problem, data, close_input) if worker is not None else None
    session = (
        _warm_session(streams, job["scratch"]) if streams is not None else _cold_session(problem, options, job, data, close_input)
    )
    async with session as started:
        yield started


@contextlib.asynccontextmanager
async def _warm_session(
    streams: tuple[asyncio.StreamReader, asyncio.StreamWriter], scratch: str
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    reader, writer = streams
    finished = False
    try:
        yield reader, writer
        finished = True
    finally:
        if finished:
            _CLEANUPS.add(asyncio.ensure_future(_finish_run(reader, writer, scratch)))
        else:
            _end_run(reader, writer, scratch)


@contextlib.asynccontextmanager
async def _cold_session(
    problem: Problem, options: Options, job: dict[str, Any], data: bytes, close_input: bool
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    scratch = job["scratch"]
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
            env=child_env(),
            limit=1 << 30,
        )
    except OSError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise JudgeError(t("judge.cannotStart", python=repr(options.python), error=exc)) from None
    stderr_task = asyncio.ensure_future(_read_capped(proc.stderr, 64 * 1024))
    assert proc.stdin is not None and proc.stdout is not None
    try:
        try:
            await _start(proc.stdout, proc.stdin, data, close_input, STARTUP_S)
        except _StartupFailed:
            await _kill(proc)
            raise JudgeError(_startup_failure(options.python, problem, await stderr_task)) from None
        try:
            yield proc.stdout, proc.stdin
        except ConnectionError:
            await _kill(proc)
            raise JudgeError(_startup_failure(options.python, problem, await stderr_task)) from None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.wait(), 5)  # it reaps its processes, then exits
    finally:
        await _kill(proc)
        if not stderr_task.done():
            stderr_task.cancel()
        shutil.rmtree(scratch, ignore_errors=True)


_CLEANUPS: set[asyncio.Future[None]] = set()


async def _finish_run(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, scratch: str) -> None:
    try:
        with contextlib.suppress(TimeoutError, OSError):
            await asyncio.wait_for(reader.read(), 5)  # end of stream: the run process exited
    finally:
        _end_run(reader, writer, scratch)
        task = asyncio.current_task()
        if task is not None:
            _CLEANUPS.discard(task)


def _end_run(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, scratch: str | None) -> None:
    group = getattr(reader, "mlkata_group", None)
    if group is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
    writer.close()
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


async def next_event(stream: asyncio.StreamReader, timeout: float) -> dict[str, Any] | None:
    if timeout <= 0:
        return None
    try:
        line = await asyncio.wait_for(stream.readline(), timeout)
    except (TimeoutError, asyncio.LimitOverrunError, ValueError, OSError):  # OSError: the run process died
        return None
    return _event(line) if line else None


def _event(line: bytes) -> dict[str, Any] | None:
    """An event line as a dict (None when it is not one)."""
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
        return t("judge.needsTorch", id=problem.id, python=python)
    last = text.splitlines()[-1] if text else t("judge.noOutput")
    return t("judge.failedToStart", id=problem.id, python=python, last=last)
