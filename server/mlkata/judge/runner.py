"""The trusted side of a run: spawn the run process, enforce limits, collect events.

The run process (the package :mod:`mlkata.judge.child`, speaking
:mod:`~mlkata.judge.child.protocol`) runs in its own session so that the whole process group can
be killed; its scratch folder is removed afterwards, whatever happened.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mlkata.judge.child.protocol import Event, Mode, Status

if TYPE_CHECKING:
    from mlkata.bank import Problem

_log = logging.getLogger(__name__)
CHILD = Path(__file__).with_name("child") / "__main__.py"
"""The run process's script (``python -P CHILD`` runs a job; ``--serve`` makes it the warm worker)."""
OUTPUT_BYTES = 1024 * 1024
STARTUP_S = 120.0
PER_TEST_SLACK_S = 1.0
# The reference gets more time than a user so a busy machine never fails the bank itself.
REFERENCE_SLACK = 4.0


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
    explain_mistakes: bool = True
    """Say when a wrong answer matches a problem's declared classic mistake (off in mock interviews)."""
    python_worker: WarmWorker | None = attrs.field(default=None, eq=False)
    """A warm worker without torch for pure-Python problems (None: they use ``worker``)."""
    stop_at_time_limit: bool = False
    """End the run at the first test that runs out of time; the tests after it are not run (time_limit,
    "not run"). The verdict and the first failing test stay the same: what validation checks of a
    solution that must be too slow, without waiting out the limit of every later test too."""


def limits_for(problem: Problem, options: Options, slack: float = 1.0) -> dict[str, Any]:
    """The limits the judged process applies to each test."""
    scale = options.time_multiplier * slack
    wall = problem.limits.test_time_ms / 1000 * scale
    return {
        "wall_s": wall,
        "cpu_s": wall,
        "total_s": problem.limits.total_time_ms / 1000 * scale,
        "memory_mb": problem.limits.memory_mb,
        "output_bytes": OUTPUT_BYTES,
    }


@attrs.frozen
class SourceOutputs:
    """A trusted source's (the reference's, a declared mistake's) encoded output per test."""

    outputs: dict[str, Any]
    """Encoded output per test name; None where the source failed that test."""
    failures: dict[str, str]
    """Why, per failed test."""
    inputs: dict[str, list[list[str]]] = attrs.field(factory=dict)
    """The reference's only: per test, [name, summary] of the inputs its drive part built."""


async def run_outputs(problem: Problem, sources: dict[str, str], options: Options) -> dict[str, SourceOutputs]:
    """Run trusted sources (by name) through the hidden tests' drive parts; their encoded outputs.

    They run in judged processes of their own, with more time than a user gets, in a run that
    never sees user code.
    """
    limits = limits_for(problem, options, REFERENCE_SLACK)
    job = _job(problem, options, limits) | {"mode": Mode.OUTPUTS, "sources": sources}
    total = _total_s(problem, options, REFERENCE_SLACK) * max(1, len(sources))
    found: dict[str, SourceOutputs] = {}
    async with _session(problem, options, job, close_input=True) as (reader, _writer):
        deadline = time.monotonic() + total
        while True:
            event = await _next_event(reader, deadline - time.monotonic())
            if event is None or event.get("event") == Event.DONE:
                break
            if event.get("event") == Event.BROKEN:
                raise JudgeError(str(event.get("message")))
            if event.get("event") == Event.OUTPUTS:
                found[str(event["source"])] = SourceOutputs(
                    dict(event["outputs"]), dict(event.get("failures") or {}), dict(event.get("inputs") or {})
                )
    missing = [name for name in sources if name not in found]
    if missing:
        raise JudgeError(f"the judge did not finish running {missing[0]} of {problem.id} in {total:.0f} s")
    return found


async def run_child(
    problem: Problem,
    source: str,
    filename: str,
    options: Options,
    expected: str,
    mistakes: Callable[[], Awaitable[str]] | None = None,
    explain: dict[str, str] | None = None,
    examples: Sequence[str] = (),
) -> dict[str, dict[str, Any]]:
    """Run and check every hidden test on source, in a warm or a cold judged process.

    ``expected`` is the reference's encoded outputs as JSON text, sent only once every judged
    process of the run has ended. When a test's output is wrong and ``explain`` names declared
    mistakes, the run asks for their outputs: ``mistakes()`` gives them (JSON text; computing
    them the first time), so a run that fails nothing never waits for them. ``examples`` (the
    user's own, as code) run after the tests. Returns the event of each test by name (status, and
    for an output: passed / message / details / explanation), and the examples' under
    :data:`~mlkata.judge.child.protocol.EXAMPLES`.
    """
    job = _job(problem, options, limits_for(problem, options)) | {"source": source, "filename": filename}
    if options.stop_at_time_limit:
        job["stop_at_time_limit"] = True
    if examples:
        job["examples"] = list(examples)
    total = _total_s(problem, options, 1.0)
    events: dict[str, dict[str, Any]] = {}
    async with _session(problem, options, job, close_input=False) as (reader, writer):
        deadline = time.monotonic() + total
        outputs = await _next_event(reader, deadline - time.monotonic())
        if outputs is not None and outputs.get("event") == Event.BROKEN:
            raise JudgeError(str(outputs.get("message")))
        if outputs is not None and outputs.get("event") == Event.OUTPUTS:
            explained = explain if mistakes is not None else None
            secret = '{"expected": %s, "explain": %s}\n' % (expected, json.dumps(explained or {}))  # noqa: UP031
            writer.write(secret.encode())
            await writer.drain()
            while True:
                event = await _next_event(reader, deadline + 30 - time.monotonic())
                if event is None or event.get("event") == Event.DONE:
                    break
                if event.get("event") == Event.MISTAKES and mistakes is not None:
                    started = time.monotonic()
                    try:
                        known = await mistakes()
                    except JudgeError:
                        known = "null"  # a broken declared mistake costs its explanation, not the run
                    writer.write(b'{"mistakes": %s}\n' % known.encode())
                    await writer.drain()
                    deadline += time.monotonic() - started  # the time spent computing them is not the run's
                if event.get("event") == Event.TEST:
                    events[str(event.get("name"))] = event
    for name in problem.test_names:
        if name not in events:
            events[name] = {"status": Status.TOTAL_TIME_LIMIT, "total_s": total}
    return events


def _job(problem: Problem, options: Options, limits: dict[str, Any]) -> dict[str, Any]:
    scratch = tempfile.mkdtemp(prefix="mlkata-run-")
    os.chmod(scratch, 0o700)
    return {
        "problem": problem.id,
        "tests_path": str(problem.tests_path),
        "entry": problem.entry_point,
        "kind": problem.kind,
        "tests_source": problem.tests_source,
        "tests": list(problem.test_names),
        "limits": limits,
        "forbidden": list(problem.forbidden),
        "scratch": scratch,
        "private": private_paths(problem, options),
    }


async def _start(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, job: bytes, close_input: bool, wait_s: float
) -> None:
    """Send the job and wait for the run process's ``ready`` (raises _StartupFailed)."""
    try:
        writer.write(job)
        await writer.drain()
        if close_input:
            writer.write_eof()
    except OSError:  # ConnectionError included
        raise _StartupFailed("the run process closed its input") from None
    ready = await _next_event(reader, wait_s)
    if ready is None or ready.get("event") != Event.READY:
        raise _StartupFailed("no ready event" if ready is None else f"{ready.get('event')!r} before ready")
    reader.mlkata_group = int(ready["pid"])  # type: ignore[attr-defined]  # its process group, killed on the way out


class _StartupFailed(Exception):
    pass


WAIT_FOR_WORKER_S = 10.0
"""How long a run waits for a worker that is still starting before it goes cold."""

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

    A worker that does not start a run within WARM_READY_S (or whose run dies first) is broken:
    it is restarted, with what its processes were doing logged, and the caller runs cold instead.
    """
    try:
        reader, writer = await worker.connect()
    except OSError:
        worker.restart()  # a dead worker is restarted; this run goes cold
        return None
    try:
        await _start(reader, writer, job, close_input, WARM_READY_S)
    except _StartupFailed as failure:
        _end_run(reader, writer, None)
        _log.warning(
            "the warm worker did not start the run of %s (%s within %g s); restarting it, this run goes cold. %s",
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
async def _session(
    problem: Problem, options: Options, job: dict[str, Any], close_input: bool
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """A run process (forked from a warm worker, else a cold interpreter) started on the job: its event stream and input.

    ``close_input``: the job is all it gets (no expected outputs follow). On leaving, a run that
    reported is left to reap its processes and exit on its own (and made sure of in the
    background); one that did not is killed with its whole group at once.
    """
    scratch = job["scratch"]
    data = json.dumps(job).encode() + b"\n"
    worker = await _pick_worker(problem, options)
    streams = await _start_warm(worker, problem, data, close_input) if worker is not None else None
    if streams is not None:
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
        return
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
            env=_child_env(),
            limit=1 << 30,
        )
    except OSError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise JudgeError(f"cannot start the interpreter {options.python!r}: {exc}") from None
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


def private_paths(problem: Problem, options: Options) -> list[str]:
    """Folders a judged run may not read: the problem's bank folder, the harness, the reference cache."""
    from mlkata.judge.reference import cache_dir  # reference imports this module

    package = Path(__file__).resolve().parents[1]
    return [str(problem.path.resolve().parent), str(package), str(cache_dir(options))]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    return env


def _total_s(problem: Problem, options: Options, slack: float) -> float:
    total = problem.limits.total_time_ms / 1000 * options.time_multiplier * slack
    return total + PER_TEST_SLACK_S * len(problem.test_names)


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


class WarmWorker:
    """A long-lived process with torch and the harness imported, forking a fresh process per run.

    Started in the background (:meth:`start`); a run waits a little for a start in progress (see
    :func:`_pick_worker`), else, and whenever it failed or died, falls back to a cold process; a
    dead worker is restarted.
    """

    def __init__(self, python: str = sys.executable, *, torch: bool = True, preload: Sequence[Path] = ()) -> None:
        self.python = python
        self.with_torch = torch
        """Whether it imports torch (False: it serves pure-Python problems only)."""
        self.preload = [str(p) for p in preload]
        """Problem folders whose hidden tests it loads once at start (others are loaded per run)."""
        self.proc: subprocess.Popen[bytes] | None = None
        self.torch = False
        self._ready = False
        self._folder: str | None = None
        self._starting: asyncio.Task[None] | None = None
        self._spawned = False
        self.failures = 0
        """Runs it failed to start (each one restarted it)."""

    @property
    def socket_path(self) -> str:
        assert self._folder is not None
        return os.path.join(self._folder, "worker.sock")

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self.proc.pid if self.proc is not None and self.proc.poll() is None else None

    def describe(self) -> str:
        """What its process and their children are doing (from /proc), for the log of a failure."""
        pid = self.pid
        if pid is None:
            return "The worker process is gone."
        return "Its processes (> marks a child): " + "; ".join(">" * depth + row for depth, row in _process_tree(pid))

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
        running = self._starting is not None and (not self._starting.done() or (self._ready and self.pid is not None))
        if not running:
            self._starting = asyncio.ensure_future(self.start_now())
        assert self._starting is not None
        return self._starting

    async def settle(self, timeout: float) -> None:
        """Wait (at most timeout seconds) for a start in progress to end, ready or failed."""
        task = self._starting
        if task is not None and not task.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), timeout)

    def restart(self) -> None:
        """Forget a dead worker and start a new one in the background."""
        self._kill()
        self.start()

    def spawn(self) -> None:
        """Start its process now, without waiting: :meth:`start` then waits for it to be ready.

        Lets a server start the worker before anything else (its torch import is the longest
        part of the way to the first result).
        """
        self._kill()
        self._folder = tempfile.mkdtemp(prefix="mlkata-worker-")
        os.chmod(self._folder, 0o700)
        self.proc = subprocess.Popen(
            [self.python, "-P", "-X", "utf8", str(CHILD), "--serve", self.socket_path]
            + ([] if self.with_torch else ["--no-torch"])
            + (["--preload", *self.preload] if self.preload else []),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=_child_env(),
        )
        self._spawned = True

    async def start_now(self) -> None:
        """Start it (unless :meth:`spawn` just did) and wait until it is ready (or has failed: runs stay cold)."""
        if not self._spawned or self.proc is None:
            self.spawn()
        self._spawned = False
        assert self.proc is not None
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            line = await asyncio.wait_for(asyncio.to_thread(stdout.readline), STARTUP_S)
            ready = json.loads(line)
        except (TimeoutError, ValueError):
            ready = None
        if not isinstance(ready, dict) or ready.get("event") != Event.WORKER_READY:
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


def warm_workers(python: str, preload: Sequence[Path] = ()) -> tuple[WarmWorker, WarmWorker]:
    """The pair every judging session uses: the torch worker and the pure-Python one (not started)."""
    return WarmWorker(python, preload=preload), WarmWorker(python, torch=False, preload=preload)


def _process_tree(pid: int, depth: int = 0) -> list[tuple[int, str]]:
    """(depth, "pid name state wchan") of a process and its descendants, read from /proc."""

    def read(path: str) -> str:
        try:
            with open(path) as f:
                return f.read().strip()
        except OSError:
            return "?"

    stat = read(f"/proc/{pid}/stat")
    state = stat.rsplit(")", 1)[-1].split()[0] if ")" in stat else "?"
    rows = [(depth, f"{pid} {read(f'/proc/{pid}/comm')} {state} {read(f'/proc/{pid}/wchan')}")]
    for child in read(f"/proc/{pid}/task/{pid}/children").split():
        if child.isdigit() and depth < 3:
            rows.extend(_process_tree(int(child), depth + 1))
    return rows


async def _next_event(stream: asyncio.StreamReader, timeout: float) -> dict[str, Any] | None:
    if timeout <= 0:
        return None
    try:
        line = await asyncio.wait_for(stream.readline(), timeout)
    except (TimeoutError, asyncio.LimitOverrunError, ValueError, OSError):  # OSError: the run process died
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
