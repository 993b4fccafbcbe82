"""Judging documents: at most one run per document, work-done progress, and what a run publishes.

A run is started by opening or saving a bound file (or by typing, when enabled), or by
``mlkata.runTests``. A newer request cancels the run in flight (a generation counter per
document drops a result that belongs to an older text). A finished run is recorded in the store
before it is shown (a shown run is never lost), then published as diagnostics, kept for lenses and
inlay hints, and sent to the client as ``mlkata/runFinished`` (the Testing view).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from mlkata.bank import Problem
from mlkata.binding import SolutionError, read_solution
from mlkata.i18n import t
from mlkata.judge.engine import judge, selected_tests
from mlkata.judge.options import JudgeError
from mlkata.judge.repro import ReproError
from mlkata.judge.verdict import Report
from mlkata.server import interviews, review
from mlkata.server.diagnostics import judge_error_diagnostic, report_diagnostics, summary_diagnostics, unknown_problem_diagnostic
from mlkata.server.params import RunTests, register, uri_of
from mlkata.server.protocol import Commands, Notifications
from mlkata.server.state import MlKataServer
from mlkata.store import source_hash

log = logging.getLogger("mlkata.server")


class RunScheduler:
    """At most one judge run per document; a newer request cancels the one in flight."""

    def __init__(self, server: MlKataServer) -> None:
        self.server = server
        self.tasks: dict[str, asyncio.Task[Report | None]] = {}
        self.generation: dict[str, int] = {}
        self.last_recorded: dict[str, str] = {}

    def request(
        self, uri: str, trigger: str, delay: float = 0.0, doc: TextDocument | None = None, tests: Sequence[str] | None = None
    ) -> asyncio.Task[Report | None]:
        """Start a run of the document's current text (after delay), or of doc, cancelling any older one.

        ``tests`` limits the run to those hidden tests, unless a run is in flight: the run replacing it
        judges every test, since the one cancelled may have been judging others (a save's run of all).
        """
        in_flight = self.tasks.get(uri)
        if in_flight is not None and not in_flight.done():
            tests = None
        self.cancel(uri)
        gen = self.generation[uri]
        task = asyncio.ensure_future(self._run(uri, gen, trigger, delay, doc, tests))
        self.tasks[uri] = task
        return task

    def cancel(self, uri: str) -> None:
        """Cancel the document's run in flight (its result would belong to an older text)."""
        self.generation[uri] = self.generation.get(uri, 0) + 1
        task = self.tasks.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()

    async def latest(self, uri: str, doc: TextDocument | None = None, tests: Sequence[str] | None = None) -> Report | None:
        """Run now (on doc, if given; only ``tests``, if given) and wait for the result of the latest text
        (following newer runs that replace it)."""
        task = self.request(uri, "command", doc=doc, tests=tests)
        while True:
            try:
                return await asyncio.shield(task)
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
                newer = self.tasks.get(uri)
                if newer is None or newer is task:
                    return None
                task = newer

    async def _run(
        self, uri: str, gen: int, trigger: str, delay: float, doc: TextDocument | None, tests: Sequence[str] | None = None
    ) -> Report | None:
        server = self.server
        if delay > 0:
            await asyncio.sleep(delay)
        if doc is None:
            try:
                doc = document(server, uri)
            except SolutionError as exc:  # e.g. a save of a file the editor does not have open
                log.warning("not judging %s (%s run): %s", uri, trigger, exc)
                return None
        text, version = doc.source, doc.version
        binding, problem = server.problem_of(text)
        if binding is None:
            server.publish(uri, [], version)
            return None
        if problem is None:
            server.publish(uri, [unknown_problem_diagnostic(binding, server.bank)], version)
            return None
        report = await self._judge(uri, problem, text, doc.path or uri, version, tests)
        if report is None or self.generation.get(uri) != gen:
            return None
        partial = is_partial(problem, report)
        if not partial:  # a re-run of some tests is not an attempt: the store keeps whole runs only
            self._record(uri, problem, report, text)  # committed before it is shown: a shown run is never lost
        # The diagnostics and lenses show every test: the ones not re-run keep their last results.
        whole = merged(server.reports.get(uri), report) if partial else report
        hidden = hides_details(server, problem)
        shown = summary_diagnostics(whole) if hidden else report_diagnostics(whole, text.splitlines(), doc, uri)
        server.publish(uri, shown, version)
        server.reports[uri] = whole
        data = shown_json(server, problem, report)
        server.protocol.notify(Notifications.RUN_FINISHED, {"uri": uri, "title": problem.title, "report": data})
        server.refresh_lenses()
        return report

    async def _judge(
        self, uri: str, problem: Problem, text: str, path: str, version: int | None, tests: Sequence[str] | None = None
    ) -> Report | None:
        """The report of one run, with its progress; a judge failure is published instead."""
        server = self.server
        progress = Progress(server, t("progress.running", title=problem.title))
        try:
            report = await judge(problem, text, path, server.options, tests)
        except JudgeError as exc:
            progress.end(t("progress.judgeCouldNotRun"))
            server.publish(uri, [judge_error_diagnostic(str(exc))], version)
            return None
        except asyncio.CancelledError:
            progress.end(t("progress.cancelled"))
            raise
        except Exception as exc:  # a bug in the judge must not take the server down
            log.exception("judging %s failed", uri)
            progress.end(t("progress.judgeFailed"))
            server.publish(uri, [judge_error_diagnostic(t("diag.internalError", error=repr(exc)))], version)
            return None
        progress.end(t("progress.passed", passed=report.passed, total=report.total))
        return report

    def _record(self, uri: str, problem: Problem, report: Report, text: str) -> None:
        server = self.server
        key = f"{problem.id}:{source_hash(text)}"
        if self.last_recorded.get(uri) == key:
            return
        self.last_recorded[uri] = key
        data = report.to_json()
        for test in data["tests"]:  # a diff's values (up to 8 KB a test) are for the editor, not the progress database
            test.pop("expected", None)
            test.pop("actual", None)
        mock_id, round_index, overtime = interviews.record_run(server, problem.id, data)
        recorded = server.record(
            "this run",
            lambda: server.store.record_run(problem.id, data, text, mock_id=mock_id, round_index=round_index, overtime=overtime),
        )
        if recorded is not None:
            review.after_run(server, problem.id, data)


def merged(last: Report | None, rerun: Report) -> Report:
    """The last report of a file with the results of a re-run of some of its tests in their place."""
    if last is None or last.problem != rerun.problem:
        return rerun
    fresh = {t.name: t for t in rerun.tests}
    tests = [fresh.pop(t.name, t) for t in last.tests]
    return Report(rerun.problem, (*tests, *fresh.values()), rerun.examples, rerun.sandbox)


def is_partial(problem: Problem, report: Report) -> bool:
    """Whether a report has only some of the problem's tests (a re-run of those)."""
    return len(report.tests) < len(problem.test_names)


def hides_details(server: MlKataServer, problem: Problem) -> bool:
    """Whether a mock round on the problem hides what failed and why, as an online judge does."""
    return server.settings.mock_hides_details and interviews.in_round_on(server, problem.id)


def shown_json(server: MlKataServer, problem: Problem, report: Report) -> dict[str, Any]:
    """A report as the client gets it: ``partial`` when it has only some of the tests (a re-run of
    those); during a mock round that hides details, without what failed or why."""
    data = report.to_json()
    data["partial"] = is_partial(problem, report)
    if hides_details(server, problem):
        # an online judge says how many pass, not which or why
        hide: dict[str, Any] = {"message": "", "details": [], "line": None}
        data["tests"] = [{k: v for k, v in t.items() if k not in ("expected", "actual")} | hide for t in data["tests"]]
    return data


def document(server: MlKataServer, uri: str) -> TextDocument:
    """The editor's document at uri; for a file it does not have open, the file's text read now.

    Not pygls's reading (``doc.source`` of a closed document opens the file each time, and waits
    forever on a FIFO): a FIFO, a device or an oversized file is a SolutionError, at once.
    """
    # pygls keys the open documents by the unquoted uri (as its get_text_document looks them up).
    opened: TextDocument | None = server.workspace.text_documents.get(unquote(uri))
    if opened is not None:
        return opened
    path = to_fs_path(uri)
    if path is None:
        raise SolutionError(f"{uri} is not open in the editor, and not a file: uri to read")
    return TextDocument(uri, source=read_solution(path), position_codec=server.workspace.position_codec)


def _bound_problem(server: MlKataServer, uri: str, text: str) -> Problem:
    """The problem the marker of text names; errors worded as ``params.problem_of`` words them (it reads the file again)."""
    binding, problem = server.problem_of(text)
    name = Commands.RUN_TESTS
    if binding is None:
        raise JsonRpcInvalidParams(t("command.notBound", command=name, uri=uri))
    if problem is None:
        raise JsonRpcInvalidParams(t("command.unknownProblemIn", command=name, id=repr(binding.problem_id), uri=uri))
    return problem


class Progress:
    """LSP work-done progress for one run, when the client supports it; never delays the run."""

    def __init__(self, server: MlKataServer, title: str) -> None:
        self.server = server
        self.token = f"mlkata-run-{uuid.uuid4()}"
        self.begun: asyncio.Task[None] | None = None
        window = server.client_capabilities.window
        if window and window.work_done_progress:
            self.begun = asyncio.ensure_future(self._begin(title))

    async def _begin(self, title: str) -> None:
        await self.server.work_done_progress.create_async(self.token)
        self.server.work_done_progress.begin(self.token, types.WorkDoneProgressBegin(title=title, cancellable=False))

    def end(self, message: str) -> None:
        """End the progress (after it has begun)."""
        if self.begun is None:
            return

        def finish(task: asyncio.Task[None]) -> None:
            if not task.cancelled() and task.exception() is None:
                self.server.work_done_progress.end(self.token, types.WorkDoneProgressEnd(message=message))

        self.begun.add_done_callback(finish)


def setup(server: MlKataServer) -> None:
    """Runs on open, save and (when enabled) typing; cleanup on close; the ``runTests`` command."""
    runs = RunScheduler(server)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MlKataServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.settings.run_on_save:
            runs.request(params.text_document.uri, "open")

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MlKataServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.settings.run_on_type:
            runs.request(uri, "change", ls.settings.debounce_ms / 1000)
        else:
            runs.cancel(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MlKataServer, params: types.DidSaveTextDocumentParams) -> None:
        if ls.settings.run_on_save:
            runs.request(params.text_document.uri, "save")

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MlKataServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        runs.cancel(uri)
        ls.reports.pop(uri, None)
        ls.publish(uri, [])

    async def run_tests(ls: MlKataServer, params: RunTests) -> dict[str, Any]:
        """Judge the file's current text now (only the hidden tests ``tests`` names, if given); returns the
        per-test results (``partial`` when only some were run), and publishes diagnostics."""
        uri = uri_of(params, Commands.RUN_TESTS)
        try:
            doc = document(ls, uri)
        except SolutionError as exc:
            raise JsonRpcInvalidParams(f"{Commands.RUN_TESTS}: {exc}") from None
        problem = _bound_problem(ls, uri, doc.source)
        try:
            tests = None if params.tests is None else selected_tests(problem, params.tests)
        except ReproError as exc:
            raise JsonRpcInvalidParams(f"{Commands.RUN_TESTS}: {exc}") from None
        report = await runs.latest(uri, doc, tests)  # judges the text just read: the file is read once
        if report is None:
            raise JsonRpcInvalidParams(t("command.runDidNotFinish", command=Commands.RUN_TESTS, uri=uri))
        data = shown_json(ls, problem, report)
        data["title"] = problem.title
        data["uri"] = uri
        return data

    register(server, {Commands.RUN_TESTS: run_tests})
