"""The language server's state and the services every feature shares.

:class:`MlKataServer` holds what outlives a request: settings, the problem bank and interviews,
the progress store, the warm workers, the latest report per document, and the running mock
interview's state (:class:`mlkata.mock.MockSession`; its clock is :mod:`mlkata.server.interviews`).
It knows no feature: features register their handlers on it (:mod:`mlkata.server.app` wires
them) and use only its public members.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from mlkata import __version__
from mlkata.bank import Bank, Problem, default_roots, load_bank
from mlkata.bank.cards import Cards, load_cards
from mlkata.bank.interviews import Interview, load_interviews
from mlkata.binding import Binding, bind
from mlkata.i18n import t
from mlkata.judge.child import sandbox
from mlkata.judge.options import Options
from mlkata.judge.verdict import Report
from mlkata.judge.workers import WarmWorker, warm_workers
from mlkata.mock import MockSession
from mlkata.server.settings import Settings, parse
from mlkata.store import Store, StoreError, default_path

log = logging.getLogger("mlkata.server")

T = TypeVar("T")


class MlKataServer(LanguageServer):
    """The ML Kata language server and its state."""

    def __init__(self) -> None:
        super().__init__("mlkata", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.bank = Bank({}, ())
        self.interviews: dict[str, Interview] = {}
        self.cards = Cards({}, {})
        """The concept cards (authored decks and the problems' follow-ups)."""
        self.store: Store = Store.open(None)
        self.reports: dict[str, Report] = {}
        """The latest report shown per document uri (lenses, inlay hints)."""
        self.mock: MockSession | None = None
        """The mock interview of this server (running or finished), if any."""
        self.worker: WarmWorker | None = None
        """The warm worker for torch problems (torch imported)."""
        self.python_worker: WarmWorker | None = None
        """The warm worker for pure-Python problems (no torch: smaller, faster to fork)."""
        self.on_initialized: list[Callable[[], None]] = []
        """What features do once the client is initialised (after the workers start)."""
        self.lens_providers: list[Callable[[str, str], list[types.CodeLens]]] = []
        """Code lenses of documents other than solution files: (uri, text) -> lenses (see :mod:`.lenses`)."""
        self._notices: list[tuple[types.MessageType, str]] = []
        self._initialized = False
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
        self.worker.start().add_done_callback(lambda _: self._log_sandbox())

    def _log_sandbox(self) -> None:
        """Say in the log what confines judged code here (a warning when a mechanism is off)."""
        found = self.worker.sandbox if self.worker is not None else {}
        if not found:
            return
        line = f"ML Kata: {sandbox.summary(found)}"
        degraded = not all(info.get("on") for info in found.values())
        (log.warning if degraded else log.info)(line)
        if self._initialized:
            kind = types.MessageType.Warning if degraded else types.MessageType.Info
            self.window_log_message(types.LogMessageParams(type=kind, message=line))

    def stop_workers(self) -> None:
        """Kill the warm workers and every run forked from them."""
        for worker in (self.worker, self.python_worker):
            if worker is not None:
                worker.stop()

    def load_bank(self) -> None:
        """(Re)load the bundled bank, the user's problem folders, the interviews and the concept cards."""
        roots = default_roots() + list(self.settings.problems_folders)
        self.bank = load_bank(roots)
        self.cards = load_cards(roots, self.bank.problems)
        for card_error in self.cards.errors:
            self.notify_user(types.MessageType.Warning, t("notice.cardSkipped", error=card_error))
        self.interviews, interview_errors = load_interviews(roots, self.bank.problems, self.cards.cards)
        for err in list(self.bank.errors) + interview_errors:
            self.notify_user(types.MessageType.Warning, t("notice.problemSkipped", error=err))

    def open_store(self) -> None:
        """Open the progress database; on failure keep working with an in-memory one and say so."""
        path = self.settings.database_path or default_path()
        try:
            store = Store.open(path)
        except StoreError as exc:
            self.notify_user(types.MessageType.Error, t("notice.storeInMemory", error=exc))
            store = Store.open(None)
        if store.notice:
            self.notify_user(types.MessageType.Warning, t("notice.store", notice=store.notice))
        self.store.close()
        self.store = store

    @property
    def options(self) -> Options:
        """How the judge runs solutions, from the settings (no named mistakes during a mock interview)."""
        return Options(
            python=self.python,
            time_multiplier=self.settings.time_multiplier,
            explain_mistakes=self.settings.explain_mistakes and (self.mock is None or self.mock.finished),
            worker=self.worker,
            python_worker=self.python_worker,
        )

    # -- messages and the store -------------------------------------------------------------

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

    def record(self, what: str, action: Callable[[], T]) -> T | None:
        """Run a store write; a failing store is reported once and never fails the caller."""
        try:
            return action()
        except StoreError as exc:
            if not self._store_warned:
                self._store_warned = True
                self.notify_user(types.MessageType.Error, t("notice.couldNotRecord", what=what, error=exc))
            log.error("could not record %s: %s", what, exc)
            return None

    def save_mock(self) -> None:
        """Store the mock interview's state (a failure is reported, never raised)."""
        mock = self.mock
        if mock is not None:
            s = mock.state
            self.record(
                "the mock interview", lambda: self.store.save_mock(mock.id, s["interview"], s["startedAt"], s["finishedAt"], s)
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

    def replace_text(self, uri: str, text: str, label: str) -> None:
        """Ask the client to replace an open document's whole text (one undoable edit)."""
        end = types.Position(line=len(self.document(uri).lines), character=0)
        whole = types.Range(start=types.Position(line=0, character=0), end=end)
        edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=text)]})
        self.workspace_apply_edit(types.ApplyWorkspaceEditParams(edit=edit, label=label))

    def refresh_lenses(self) -> None:
        """Ask the client to re-request code lenses (scores changed) and inlay hints (examples ran)."""
        caps = self.client_capabilities.workspace
        if caps and caps.code_lens and caps.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)
        if caps and caps.inlay_hint and caps.inlay_hint.refresh_support:
            self.workspace_inlay_hint_refresh(None)
