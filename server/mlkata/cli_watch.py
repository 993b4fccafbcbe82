"""``mlkata watch``: judge a solution file again on every save, with one warm worker, as the editor does.

The judging is the language server's: :func:`mlkata.judge.engine.judge` with a warm worker
(:class:`mlkata.judge.workers.WarmWorker`) started once, so a save costs a fork of it, not an
interpreter and torch's import. Saves are seen by :class:`mlkata.filewatch.FileWatch`. A write
that finished starts a run at once; a burst of other events (a write in progress, a rename-style
save's intermediate steps) waits for :data:`SETTLE_S` of quiet, and a file that disappears waits
:data:`GONE_S` for its replacement before it is reported. A run started while an older one is in
flight cancels it, and so does any change of the file, as in the editor: a result is only shown for
the file's latest text.

Runs judged on the command line (``check`` and ``watch``) are recorded in the editor's progress
database by :class:`Recorder`, with what the editor does after a run (the review queue).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mlkata import cli_common
from mlkata.binding import SolutionError, bind, read_solution
from mlkata.cli_format import format_report
from mlkata.i18n import t
from mlkata.judge.options import JudgeError, Options

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.bank.cards import Cards
    from mlkata.judge.verdict import Report
    from mlkata.store import Store

_log = logging.getLogger(__name__)

SETTLE_S = 0.05
"""Quiet time after an event other than a finished write before the file is judged."""
GONE_S = 0.2
"""How long a file that disappeared may take to come back (a rename-style save) before it is reported."""
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
"""Cursor home, clear the screen and its scrollback (what ``clear`` prints)."""
SIGNALS = {s: 128 + s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None}
"""The signals that end a watch, and its exit status for each: 128 + the signal's number (130, 143, 129)."""
CLOSED_PIPE = 141
"""The exit status when standard output's reader goes away (128 + SIGPIPE)."""


def add_record_options(p: argparse.ArgumentParser) -> None:
    """``--database`` and ``--no-record``, for the commands that judge."""
    p.add_argument("--database", metavar="FILE", help="the progress database the run is recorded in (default: the editor's)")
    p.add_argument("--no-record", action="store_true", help="do not record the run in the progress database")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``watch``, and the recording options of ``check`` (registered before)."""
    add_record_options(sub.choices["check"])
    p = sub.add_parser("watch", help="judge a solution file again on every save (one warm worker, like the editor)")
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print a stream of JSON objects, one a line (ready, run, error)")
    p.add_argument("--no-clear", action="store_true", help="keep scrolling: never clear the screen between runs")
    p.add_argument("--poll", action="store_true", help="compare the file's status every 0.1 s instead of using inotify")
    p.add_argument("--python", help="interpreter that runs the solution (default: this one)")
    p.add_argument("--time-multiplier", type=float, default=1.0, help="scale every time limit")
    add_record_options(p)
    p.set_defaults(func=cmd_watch)


class Recorder:
    """Records runs judged on the command line in the editor's progress database, as the editor records a run.

    The run, its source, a solve; then what a run does to the review queue
    (:meth:`mlkata.review.ReviewQueue.after_run`). The same text judged twice in a row is recorded
    once (as in the editor). A database that cannot be opened or written is a warning on standard
    error (once), never a lost run.
    """

    def __init__(self, store: Store | None, roots: list[Path]) -> None:
        self.store = store
        self.roots = roots
        self._last = ""
        self._warned = False
        self._cards: Cards | None = None

    @classmethod
    def for_args(cls, args: argparse.Namespace) -> Recorder:
        """The recorder ``--database`` / ``--no-record`` ask for (recording nothing after a warning when the store cannot open)."""
        if args.no_record:
            return cls(None, [])
        store = cli_common.open_store(
            args, unavailable=lambda error: print(t("record.unavailable", error=error), file=sys.stderr)
        )
        return cls(store, cli_common.roots(args)) if store is not None else cls(None, [])

    @property
    def database(self) -> str | None:
        """The database file runs go to (None: not recording)."""
        return str(self.store.path) if self.store is not None else None

    def record(self, problem: Problem, report: Report, source: str) -> None:
        """Record one run (unless it repeats the last one)."""
        from mlkata.review import ReviewQueue
        from mlkata.store import StoreError, source_hash

        key = f"{problem.id}:{source_hash(source)}"
        if self.store is None or key == self._last:
            return
        self._last = key
        data = report.to_json()
        try:
            self.store.record_run(problem.id, data, source)
            ReviewQueue(self.store).after_run(problem, data, lambda: self._loaded_cards().linked(problem.id), time.time())
        except StoreError as exc:
            if not self._warned:
                self._warned = True
                print(t("record.failed", error=str(exc)), file=sys.stderr)

    def _loaded_cards(self) -> Cards:
        """The concept cards (read the first time a run makes some due, then kept)."""
        from mlkata.bank import load_bank
        from mlkata.bank.cards import load_cards

        if self._cards is None:
            self._cards = load_cards(self.roots, load_bank(self.roots).problems)
        return self._cards

    def close(self) -> None:
        """Close the database."""
        if self.store is not None:
            self.store.close()


class Output:
    """What a watch prints: the report as ``check`` prints it and a summary line, or a JSON stream."""

    def __init__(self, stream: TextIO, as_json: bool, clear: bool, shown: str) -> None:
        self.stream = stream
        self.as_json = as_json
        self.clear = clear and not as_json
        self.shown = shown
        """The file as the command line named it."""
        self.closed: Callable[[], None] = lambda: None
        """Called when standard output's reader went away."""

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            with contextlib.suppress(OSError, ValueError):  # nothing more can be shown: no error at exit either
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, self.stream.fileno())
                os.close(null)
            self.closed()

    def _event(self, event: str, **fields: Any) -> None:
        self._write(json.dumps({"event": event, **fields}) + "\n")

    def _screen(self, lines: list[str]) -> None:
        watching = t("watch.watching", file=self.shown)
        self._write((CLEAR if self.clear else "") + "\n".join([*lines, watching]) + "\n")

    def ready(self, **fields: Any) -> None:
        """Watching has begun (the first run follows)."""
        if self.as_json:
            self._event("ready", **fields)
        else:
            self._write(t("watch.watching", file=self.shown) + "\n")

    def run(self, n: int, report: Report, duration_ms: float) -> None:
        """A run's result."""
        if self.as_json:
            self._event("run", n=n, at=time.time(), duration_ms=round(duration_ms, 1), report=report.to_json())
            return
        summary = t(
            "watch.summary",
            n=n,
            clock=time.strftime("%H:%M:%S"),
            passed=report.passed,
            total=report.total,
            verdict=report.verdict.value,
            ms=f"{duration_ms:.0f}",
        )
        self._screen([format_report(report, self.shown), "", summary])

    def error(self, message: str) -> None:
        """Why the file could not be judged this time."""
        if self.as_json:
            self._event("error", message=message)
        else:
            self._screen([f"mlkata: {message}"])


class Watch:
    """Runs on the file's changes: at most one at a time, the newest replacing one in flight."""

    def __init__(self, problem: Problem, path: Path, options: Options, out: Output, recorder: Recorder) -> None:
        self.problem, self.path, self.options, self.out, self.recorder = problem, path, options, out, recorder
        self.runs = 0
        self._task: asyncio.Task[None] | None = None
        self._timer: asyncio.TimerHandle | None = None

    def changed(self, kind: str) -> None:
        """The file may have changed (a :class:`mlkata.filewatch.FileWatch` kind): judge it when it has settled.

        The run in flight is cancelled at once, as a change in the editor cancels it: its text is not the file's any more.
        """
        if self._timer is not None:
            self._timer.cancel()
        self._cancel()
        delay = {"written": 0.0, "gone": GONE_S}.get(kind, SETTLE_S)
        self._timer = asyncio.get_running_loop().call_later(delay, self.request)

    def request(self) -> None:
        """Judge the file now, cancelling the run in flight."""
        self._timer = None
        self._cancel()
        self._task = asyncio.ensure_future(self._run())

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def stop(self) -> None:
        """Cancel what is pending or running, and wait for the run to end."""
        if self._timer is not None:
            self._timer.cancel()
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _read(self) -> str:
        text = read_solution(os.path.expanduser(self.out.shown))  # its errors name the file as the command line did
        binding = bind(text)
        if binding is None:
            raise SolutionError(t("watch.noMarker", file=self.out.shown, id=self.problem.id))
        if binding.problem_id != self.problem.id:
            raise SolutionError(t("watch.otherProblem", file=self.out.shown, other=binding.problem_id, id=self.problem.id))
        return text

    async def _run(self) -> None:
        from mlkata.judge.engine import judge

        start = time.perf_counter()
        try:
            text = self._read()
            report = await judge(self.problem, text, str(self.path), self.options)
        except SolutionError as exc:
            # Maybe read in the middle of a save (truncated, not written yet): shown unless a change follows soon.
            await asyncio.sleep(SETTLE_S)
            self.out.error(str(exc))
            return
        except JudgeError as exc:
            self.out.error(str(exc))
            return
        except Exception as exc:  # a bug in the judge must not end the watch
            _log.exception("judging %s failed", self.path)
            self.out.error(t("watch.internalError", error=repr(exc)))
            return
        duration = (time.perf_counter() - start) * 1000
        self.runs += 1
        self.recorder.record(self.problem, report, text)
        self.out.run(self.runs, report, duration)


def cmd_watch(args: argparse.Namespace) -> int:
    """Judge FILE at once, then again on every save, until Ctrl-C."""
    problem = cli_common.problem(args)
    path = Path(args.file).expanduser().resolve()  # a link is followed: saves change the file it points to
    if not path.parent.is_dir():
        print(f"mlkata: {t('watch.noFolder', folder=str(path.parent))}", file=sys.stderr)
        return 2
    out = Output(sys.stdout, args.json, sys.stdout.isatty() and not args.no_clear, args.file)
    recorder = Recorder.for_args(args)
    try:
        return asyncio.run(_watch(problem, path, args, out, recorder))
    except KeyboardInterrupt:  # before the loop took over Ctrl-C
        return SIGNALS[signal.SIGINT]
    finally:
        recorder.close()


async def _watch(problem: Problem, path: Path, args: argparse.Namespace, out: Output, recorder: Recorder) -> int:
    """Start the worker, watch the file, judge it now and on every change; the exit status once stopped."""
    from mlkata.filewatch import POLL_S, FileWatch
    from mlkata.judge.workers import WarmWorker

    loop = asyncio.get_running_loop()
    ended: asyncio.Future[int] = loop.create_future()

    def end(status: int) -> None:
        if not ended.done():
            ended.set_result(status)

    for sig, status in SIGNALS.items():
        with contextlib.suppress(NotImplementedError):  # no signal handlers in this loop (Windows): Ctrl-C still ends it
            loop.add_signal_handler(sig, end, status)
    out.closed = lambda: end(CLOSED_PIPE)
    python = args.python or sys.executable
    torch = problem.kind == "torch"
    worker = WarmWorker(python, torch=torch, preload=cli_common.roots(args))
    options = Options(
        python=python,
        time_multiplier=args.time_multiplier,
        worker=worker if torch else None,
        python_worker=None if torch else worker,
    )
    watch = Watch(problem, path, options, out, recorder)
    files = FileWatch(path, watch.changed, poll=args.poll)
    try:
        worker.spawn()
        starting: asyncio.Future[Any] = worker.start()
        await asyncio.wait([starting, ended], return_when=asyncio.FIRST_COMPLETED)
        if ended.done():
            return ended.result()
        how = files.start()
        if files.why:
            print(t("watch.polling", why=files.why, file=out.shown, ms=f"{POLL_S * 1000:.0f}"), file=sys.stderr)
        out.ready(problem=problem.id, file=str(path), watcher=how, worker_pid=worker.pid, database=recorder.database)
        watch.request()
        return await ended
    finally:
        files.close()
        await watch.stop()
        worker.stop()
