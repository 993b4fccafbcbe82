"""The language server: hidden-test results as diagnostics, practice commands, mock interviews.

Start it over stdio with ``python -m mlkata.server`` or ``mlkata serve``.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import logging
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from mlkata import __version__
from mlkata.bank import Bank, Problem, default_roots, load_bank
from mlkata.bank.interviews import Interview, load_interviews
from mlkata.binding import Binding, bind, create_solution, solution_name
from mlkata.judge import locate
from mlkata.judge.engine import judge
from mlkata.judge.runner import JudgeError, Options, WarmWorker, warm_workers
from mlkata.judge.verdict import Location, Report
from mlkata.mock import MockSession
from mlkata.server import commands
from mlkata.server.settings import Settings, parse
from mlkata.store import Store, StoreError, default_path, source_hash

log = logging.getLogger("mlkata.server")

SOURCE = "mlkata"
MOCK_EVENT = "mlkata/mockEvent"
RUN_EVENT = "mlkata/runFinished"


class MlKataServer(LanguageServer):
    """The ML Kata language server and its state."""

    def __init__(self) -> None:
        super().__init__("mlkata", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.bank = Bank({}, ())
        self.interviews: dict[str, Interview] = {}
        self.store: Store = Store.open(None)
        self.runs = RunScheduler(self)
        self.reports: dict[str, Report] = {}
        self.mock: MockSession | None = None
        self.mock_lock = asyncio.Lock()
        self._mock_timer: asyncio.Task[None] | None = None
        self._notices: list[tuple[types.MessageType, str]] = []
        self._initialized = False
        self.worker: WarmWorker | None = None
        """The warm worker for torch problems (torch imported)."""
        self.python_worker: WarmWorker | None = None
        """The warm worker for pure-Python problems (no torch: smaller, faster to fork)."""
        self._store_warned = False

    # -- configuration ----------------------------------------------------------------------

    def configure(self, raw: Any) -> None:
        """Apply client settings; reload what they affect."""
        old = self.settings
        self.settings, errors = parse(raw, old)
        for e in errors:
            self.notify_user(types.MessageType.Warning, e)
        if not self.bank.problems or old.problems_folders != self.settings.problems_folders:
            self.load_bank()
        if old.database_path != self.settings.database_path or self.store.path is None:
            self.open_store()
        if self.worker is not None and self.worker.python != self.python:
            self.start_worker()

    @property
    def python(self) -> str:
        """The interpreter that runs solutions."""
        return self.settings.python or sys.executable

    def adopt_workers(self, workers: tuple[WarmWorker, WarmWorker]) -> None:
        """Use warm workers started before the handshake (:mod:`mlkata.server.early`).

        :meth:`start_worker` keeps them when the client's settings name the same interpreter.
        """
        self.worker, self.python_worker = workers

    def start_worker(self) -> None:
        """(Re)start the warm workers in the background (a run waits a little for one still starting)."""
        spawned = [w for w in (self.worker, self.python_worker) if w is not None and w.python == self.python]
        if len(spawned) != 2:
            self.stop_workers()
            roots = default_roots() + list(self.settings.problems_folders)
            self.worker, self.python_worker = warm_workers(self.python, roots)
        assert self.worker is not None and self.python_worker is not None
        self.python_worker.start()
        self.worker.start()

    def stop_workers(self) -> None:
        """Kill the warm workers and every run forked from them."""
        for worker in (self.worker, self.python_worker):
            if worker is not None:
                worker.stop()

    def load_bank(self) -> None:
        """(Re)load the bundled bank, the user's problem folders, and the interviews."""
        roots = default_roots() + list(self.settings.problems_folders)
        self.bank = load_bank(roots)
        self.interviews, interview_errors = load_interviews(roots, self.bank.problems)
        for err in list(self.bank.errors) + interview_errors:
            self.notify_user(types.MessageType.Warning, f"ML Kata: problem skipped: {err}")

    def open_store(self) -> None:
        """Open the progress database; on failure keep working with an in-memory one and say so."""
        path = self.settings.database_path or default_path()
        try:
            store = Store.open(path)
        except StoreError as exc:
            self.notify_user(types.MessageType.Error, f"ML Kata: {exc}. Progress is kept in memory only for this session.")
            store = Store.open(None)
        if store.notice:
            self.notify_user(types.MessageType.Warning, f"ML Kata: {store.notice}")
        self.store.close()
        self.store = store

    def notify_user(self, kind: types.MessageType, message: str) -> None:
        """Show a message (queued until the client is initialised)."""
        if kind <= types.MessageType.Warning:
            log.warning(message)
        else:
            log.info(message)
        if not self._initialized:
            self._notices.append((kind, message))
            return
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def flush_notices(self) -> None:
        """Send the messages queued before initialisation."""
        self._initialized = True
        for kind, message in self._notices:
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))
        self._notices.clear()

    def record(self, what: str, action: Any) -> Any:
        """Run a store write; a failing store is reported once and never fails the caller."""
        try:
            return action()
        except StoreError as exc:
            if not self._store_warned:
                self._store_warned = True
                self.notify_user(types.MessageType.Error, f"ML Kata could not record {what}: {exc}")
            log.error("could not record %s: %s", what, exc)
            return None

    @property
    def options(self) -> Options:
        """How the judge runs solutions, from the settings."""
        return Options(
            python=self.python,
            time_multiplier=self.settings.time_multiplier,
            explain_mistakes=self.settings.explain_mistakes and (self.mock is None or self.mock.finished),
            worker=self.worker,
            python_worker=self.python_worker,
        )

    # -- documents --------------------------------------------------------------------------

    def document(self, uri: str) -> TextDocument:
        """The open document at uri (pygls reads it from disk if it is not open)."""
        return self.workspace.get_text_document(uri)

    def is_open(self, uri: str) -> bool:
        """True when the client has the document open."""
        return uri in self.workspace.text_documents

    def problem_of(self, text: str) -> tuple[Binding | None, Problem | None]:
        """The marker of a text and the problem it names (None when unknown)."""
        binding = bind(text)
        if binding is None:
            return None, None
        return binding, self.bank.problems.get(binding.problem_id)

    def solutions_folder(self) -> Path:
        """Where new solution files go: the setting, else the first workspace folder, else ~/mlkata."""
        if self.settings.solutions_folder:
            return self.settings.solutions_folder
        for folder in self.workspace.folders.values():
            path = to_fs_path(folder.uri)
            if path:
                return Path(path)
        if self.workspace.root_path:
            return Path(self.workspace.root_path)
        return Path.home() / "mlkata"

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None = None) -> None:
        """Publish diagnostics for uri."""
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def refresh_lenses(self) -> None:
        """Ask the client to re-request code lenses (scores changed) and inlay hints (examples ran)."""
        caps = self.client_capabilities.workspace
        if caps and caps.code_lens and caps.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)
        if caps and caps.inlay_hint and caps.inlay_hint.refresh_support:
            self.workspace_inlay_hint_refresh(None)

    # -- mock interviews --------------------------------------------------------------------

    def resume_mock(self) -> None:
        """Load an unfinished mock interview from the store and start its clock."""
        state = self.record("the mock interview", self.store.active_mock)
        if not state:
            return
        self.mock = MockSession(state)
        self.schedule_mock_timer()

    def schedule_mock_timer(self) -> None:
        """Wake up when the open round's time runs out."""
        if self._mock_timer and not self._mock_timer.done():
            self._mock_timer.cancel()
        if self.mock is None or self.mock.finished:
            return
        self._mock_timer = asyncio.ensure_future(self._mock_clock())

    async def _mock_clock(self) -> None:
        while self.mock is not None and not self.mock.finished:
            deadline = self.mock.next_deadline()
            assert deadline is not None
            delay = deadline - time.time()
            if delay > 0:
                await asyncio.sleep(min(delay, 3600))
                continue
            await self.close_mock_round("timeout")

    async def close_mock_round(self, by: str) -> dict[str, Any]:
        """Judge the open round's latest text, close it (submit or timeout) and start the next."""
        async with self.mock_lock:
            mock = self.mock
            if mock is None or mock.finished:
                raise JsonRpcInvalidParams("no mock interview is running (start one with mlkata.startMock)")
            now = time.time()
            deadline = mock.next_deadline()
            if deadline is not None and deadline <= now:
                by = "timeout"  # a round already over closes at its deadline, not by this submit
            index = mock.current_index
            assert index is not None
            await self._final_judgement(mock, index)
            closed = mock.expire(now) if by == "timeout" else mock.close_current(now, by)
            return self._after_mock_change(mock, closed, by)

    async def _final_judgement(self, mock: MockSession, index: int) -> None:
        r = mock.state["rounds"][index]
        path = r.get("path")
        if not path:
            return
        uri = from_fs_path(path) or path
        try:
            text = self.document(uri).source
        except (OSError, UnicodeDecodeError):
            return
        _, problem = self.problem_of(text)
        if problem is None or problem.id != r["problem"]:
            return
        try:
            report = await judge(problem, text, path, self.options)
        except JudgeError as exc:
            log.error("final judgement of round %d failed: %s", index + 1, exc)
            return
        r["verdict"], r["passed"], r["total"] = report.verdict.value, report.passed, report.total

    def _after_mock_change(self, mock: MockSession, closed: list[int], by: str) -> dict[str, Any]:
        """Create the next round's file, store the state, notify the client; returns the event."""
        nxt = mock.current()
        if nxt is not None and not nxt["path"]:
            nxt["path"] = str(self._mock_file(mock, nxt["problem"]))
        self.record("the mock interview", lambda: self._save_mock(mock))
        now = time.time()
        event: dict[str, Any] = {
            "event": "finished" if mock.finished else "roundClosed",
            "reason": by,
            "closed": closed,
            "status": mock.status(now),
        }
        if mock.finished:
            event["report"] = mock.report()
        self.protocol.notify(MOCK_EVENT, event)
        self.refresh_lenses()  # the lens above the round's entry point shows the clock
        if closed:
            names = ", ".join(f"round {i + 1} ({mock.state['rounds'][i]['problem']})" for i in closed)
            text = {"timeout": "time is up for", "submit": "submitted", "abandoned": "abandoned"}.get(by, by)
            follow = " The interview is over: see the report." if mock.finished else f" Next: {nxt['title']}." if nxt else ""
            self.notify_user(types.MessageType.Info, f"ML Kata mock interview: {text} {names}.{follow}")
        self.schedule_mock_timer()
        return event

    def _save_mock(self, mock: MockSession) -> None:
        s = mock.state
        self.store.save_mock(mock.id, s["interview"], s["startedAt"], s["finishedAt"], s)

    def _mock_file(self, mock: MockSession, problem_id: str) -> Path:
        folder = self.solutions_folder() / f"mock-{mock.id}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / solution_name(problem_id)
        with contextlib.suppress(FileExistsError):
            create_solution(path, problem_id, self.bank.get(problem_id).starter)
        return path


class RunScheduler:
    """At most one judge run per document; a newer request cancels the one in flight."""

    def __init__(self, server: MlKataServer) -> None:
        self.server = server
        self.tasks: dict[str, asyncio.Task[Report | None]] = {}
        self.generation: dict[str, int] = {}
        self.last_recorded: dict[str, str] = {}

    def request(self, uri: str, trigger: str, delay: float = 0.0) -> asyncio.Task[Report | None]:
        """Start a run of the document's current text (after delay), cancelling any older one."""
        self.cancel(uri)
        gen = self.generation[uri]
        task = asyncio.ensure_future(self._run(uri, gen, trigger, delay))
        self.tasks[uri] = task
        return task

    def cancel(self, uri: str) -> None:
        """Cancel the document's run in flight (its result would belong to an older text)."""
        self.generation[uri] = self.generation.get(uri, 0) + 1
        task = self.tasks.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()

    async def latest(self, uri: str) -> Report | None:
        """Run now and wait for the result of the latest text (following newer runs that replace it)."""
        task = self.request(uri, "command")
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

    async def _run(self, uri: str, gen: int, trigger: str, delay: float) -> Report | None:
        server = self.server
        if delay > 0:
            await asyncio.sleep(delay)
        doc = server.document(uri)
        text = doc.source
        version = doc.version
        binding, problem = server.problem_of(text)
        if binding is None:
            server.publish(uri, [], version)
            return None
        if problem is None:
            server.publish(uri, [unknown_problem_diagnostic(binding, server.bank)], version)
            return None
        progress = Progress(server, f"Running the hidden tests of {problem.title}")
        try:
            report = await judge(problem, text, doc.path or uri, server.options)
        except JudgeError as exc:
            progress.end("the judge could not run")
            server.publish(uri, [judge_error_diagnostic(str(exc))], version)
            return None
        except asyncio.CancelledError:
            progress.end("cancelled: the file changed")
            raise
        except Exception as exc:  # a bug in the judge must not take the server down
            log.exception("judging %s failed", uri)
            progress.end("the judge failed")
            server.publish(uri, [judge_error_diagnostic(f"internal error in the judge: {exc!r}")], version)
            return None
        progress.end(f"{report.passed}/{report.total} passed")
        if self.generation.get(uri) != gen:
            return None
        self._record(uri, problem, report, text)  # committed before it is shown: a shown run is never lost
        server.publish(uri, report_diagnostics(report, text.splitlines(), doc, uri), version)
        server.reports[uri] = report
        server.protocol.notify(RUN_EVENT, {"uri": uri, "title": problem.title, "report": report.to_json()})
        server.refresh_lenses()
        return report

    def _record(self, uri: str, problem: Problem, report: Report, text: str) -> None:
        server = self.server
        digest = source_hash(text)
        if self.last_recorded.get(uri) == f"{problem.id}:{digest}":
            return
        self.last_recorded[uri] = f"{problem.id}:{digest}"
        data = report.to_json()
        mock_id, round_index, overtime = None, None, False
        if server.mock is not None:
            where = server.mock.record_run(problem.id, data)
            if where is not None:
                mock_id, (round_index, overtime) = server.mock.id, where
                mock = server.mock
                server.record("the mock interview", lambda: server._save_mock(mock))
        server.record(
            "this run",
            lambda: server.store.record_run(problem.id, data, text, mock_id=mock_id, round_index=round_index, overtime=overtime),
        )


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


def lsp_range(location: Location, lines: list[str], doc: TextDocument | None) -> types.Range:
    """The judge's 1-based character range as an LSP range in the client's position encoding."""

    def position(line: int, column: int) -> types.Position:
        if not lines:
            return types.Position(line=0, character=0)
        line = min(max(line, 1), len(lines))
        text = lines[line - 1]
        chars = min(max(column - 1, 0), len(text))
        units = doc.position_codec.client_num_units(text[:chars]) if doc is not None else chars
        return types.Position(line=line - 1, character=units)

    start = position(location.line, location.column)
    end = position(location.end_line, location.end_column)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


RELATED_SHOWN = 24
"""At most this many lines of related information (the failing case) per diagnostic."""


def report_diagnostics(report: Report, lines: list[str], doc: TextDocument | None, uri: str = "") -> list[types.Diagnostic]:
    """One Error diagnostic per failing test; tests failing identically share one diagnostic.

    The failing case (inputs, expected and got at the first mismatch, largest errors) is the
    diagnostic's related information, one entry per line, each at the diagnostic's own range.
    """
    groups: dict[tuple[Any, ...], list[str]] = {}
    details: dict[str, tuple[str, ...]] = {}
    for t in report.tests:
        if t.passed:
            continue
        groups.setdefault((t.verdict, t.message, t.location), []).append(t.name)
        details[t.name] = t.details
    out = []
    for (verdict, message, location), names in groups.items():
        loc = location or locate.whole_line(lines, 1)
        rng = lsp_range(loc, lines, doc)
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=rng), message=f"{name}: {line}" if len(names) > 1 else line
            )
            for name in names
            for line in details[name]
        ][:RELATED_SHOWN]
        if len(names) == report.total and len(names) > 1:
            who = f"all {len(names)} hidden tests"
        elif len(names) > 1:
            who = ", ".join(names)
        else:
            who = names[0]
        out.append(
            types.Diagnostic(
                range=rng,
                message=f"{who}: {message}" if message else f"{who}: {verdict.value}",
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
                code=verdict.value,
                data={"problem": report.problem, "tests": names, "verdict": verdict.value},
                related_information=related or None,
            )
        )
    out.extend(example_diagnostics(report, lines, doc))
    return out


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def example_diagnostics(report: Report, lines: list[str], doc: TextDocument | None) -> list[types.Diagnostic]:
    """A Warning on each of the user's examples whose output differs from the expected one, or that raised."""
    out = []
    for e in report.examples:
        if e.verdict not in ("differs", "error"):
            continue
        line = e.example.line
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        loc = Location(line, len(text) - len(text.lstrip()) + 1, line, len(text.rstrip()) + 1)
        if e.verdict == "differs":
            message = f"example: expected {_one_line(e.example.expected or '')}, got {_one_line(e.output) or 'nothing'}"
        else:
            message = f"example raised {_one_line(e.error, 200)}"
        out.append(
            types.Diagnostic(
                range=lsp_range(loc, lines, doc),
                message=message,
                severity=types.DiagnosticSeverity.Warning,
                source=SOURCE,
                code="example",
            )
        )
    return out


def example_hints(report: Report | None, doc: TextDocument, visible: types.Range) -> list[types.InlayHint]:
    """What each of the user's examples showed, at the end of its last ``>>>``/``...`` line."""
    if report is None:
        return []
    lines = doc.source.splitlines()
    hints = []
    for e in report.examples:
        last = e.example.last_line
        if not (0 < e.example.line <= len(lines) and 0 < last <= len(lines)) or ">>>" not in lines[e.example.line - 1]:
            continue  # the text moved since the run: the next run places it again
        if not visible.start.line <= last - 1 <= visible.end.line:
            continue
        shown = e.error or e.output or "(nothing)"
        label = f"→ {_one_line(shown)}"
        if e.verdict == "matches":
            label += "  ✓"
        elif e.verdict == "differs":
            label += f"  ✗ expected {_one_line(e.example.expected or '', 40)}"
        end = lsp_range(Location(last, len(lines[last - 1]) + 1, last, len(lines[last - 1]) + 1), lines, doc).end
        hints.append(
            types.InlayHint(
                position=end,
                label=label,
                padding_left=True,
                tooltip=types.MarkupContent(kind=types.MarkupKind.PlainText, value=shown),
            )
        )
    return hints


def unknown_problem_diagnostic(binding: Binding, bank: Bank) -> types.Diagnostic:
    """An Error on the marker's id naming the problem as unknown."""
    close = difflib.get_close_matches(binding.problem_id, list(bank.problems), n=3, cutoff=0.6)
    hint = f" Did you mean {', '.join(close[:3])}?" if close else " Run the command 'ML Kata: Open Problem' to see the list."
    what = f"unknown problem {binding.problem_id!r}" if binding.problem_id else "the marker names no problem"
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=0, character=binding.start),
            end=types.Position(line=0, character=max(binding.end, binding.start + 1)),
        ),
        message=f"{what}: no such problem in the bank ({len(bank.problems)} problems).{hint}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        code="unknown_problem",
    )


def judge_error_diagnostic(message: str) -> types.Diagnostic:
    """An Error on line 1 when the judge itself could not run (e.g. torch missing)."""
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        code="judge_error",
    )


def build_server() -> MlKataServer:
    """A server with every feature and command registered."""
    server = MlKataServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: MlKataServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: MlKataServer, params: types.InitializedParams) -> None:
        ls.flush_notices()
        ls.start_worker()
        ls.resume_mock()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: MlKataServer, params: None) -> None:
        ls.stop_workers()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: MlKataServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        caps = ls.client_capabilities.workspace
        if not settings and caps is not None and caps.configuration:
            # Pull model: the notification only says "something changed"; ask for our section.
            items = [types.ConfigurationItem(section="mlkata")]
            settings = (await ls.workspace_configuration_async(types.ConfigurationParams(items=items)))[0]
        ls.configure(settings)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MlKataServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.settings.run_on_save:
            ls.runs.request(params.text_document.uri, "open")

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MlKataServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.settings.run_on_type:
            ls.runs.request(uri, "change", ls.settings.debounce_ms / 1000)
        else:
            ls.runs.cancel(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MlKataServer, params: types.DidSaveTextDocumentParams) -> None:
        if ls.settings.run_on_save:
            ls.runs.request(params.text_document.uri, "save")

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MlKataServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.runs.cancel(uri)
        ls.reports.pop(uri, None)
        ls.publish(uri, [])

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: MlKataServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        return commands.code_lenses(ls, params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: MlKataServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return commands.code_actions(ls, params.text_document.uri, params.context.diagnostics)

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    def inlay_hint(ls: MlKataServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        uri = params.text_document.uri
        if not ls.is_open(uri):
            return []
        return example_hints(ls.reports.get(uri), ls.document(uri), params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: MlKataServer, params: types.HoverParams) -> types.Hover | None:
        return commands.hover(ls, params.text_document.uri, params.position)

    commands.register(server)
    return server


def main(workers: tuple[WarmWorker, WarmWorker] | None = None) -> int:
    """Serve over stdio until the client says exit."""
    logging.basicConfig(
        level=os.environ.get("MLKATA_LOG", "WARNING").upper(),
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    server = build_server()
    if workers is None:
        from mlkata.server.early import spawn_workers

        workers = spawn_workers()
    server.adopt_workers(workers)
    server.start_io()
    return 0
