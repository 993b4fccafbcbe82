"""Drive the real language server process over stdio with pytest-lsp's client."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.uris import to_fs_path
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "tests" / "solutions"


class Client:
    """A pytest-lsp client plus what the tests need: every publish, custom notifications, helpers."""

    def __init__(self, lsp: LanguageClient, home: Path) -> None:
        self.lsp = lsp
        self.home = home
        self.published: list[types.PublishDiagnosticsParams] = []
        self.events: list[dict[str, Any]] = []
        self.versions: dict[str, int] = {}
        self.lens_refreshes = 0
        self.hint_refreshes = 0
        self.runs: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.edits: list[types.ApplyWorkspaceEditParams] = []
        self._changed = asyncio.Event()

    def on_publish(self, params: types.PublishDiagnosticsParams) -> None:
        self.published.append(params)
        self.lsp.diagnostics[params.uri] = params.diagnostics
        self._changed.set()

    def on_run(self, params: Any) -> None:
        self.runs.append(_plain(params))
        self._changed.set()

    def on_apply_edit(self, params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        self.edits.append(params)
        self._changed.set()
        return types.ApplyWorkspaceEditResult(applied=True)

    def on_lens_refresh(self) -> None:
        self.lens_refreshes += 1

    def on_hint_refresh(self) -> None:
        self.hint_refreshes += 1
        self._changed.set()

    def on_event(self, params: Any) -> None:
        self.events.append(_plain(params))
        self._changed.set()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 60.0, what: str = "condition") -> Any:
        """Wait until predicate() is truthy (re-checked after every message), or fail naming what."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(left, 0.5))

    def publishes(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        """Every diagnostics notification received for uri, in order."""
        return [p for p in self.published if p.uri == uri]

    async def diagnostics_after(self, uri: str, count_before: int, timeout: float = 90.0) -> list[types.Diagnostic]:
        """The diagnostics of the first publish for uri after count_before publishes."""
        await self.wait_for(lambda: len(self.publishes(uri)) > count_before, timeout, f"diagnostics for {uri}")
        return list(self.publishes(uri)[count_before].diagnostics)

    def uri(self, name: str) -> str:
        return (self.home / "work" / name).as_uri()

    def write(self, name: str, text: str) -> str:
        path = self.home / "work" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path.as_uri()

    def open(self, uri: str, text: str) -> None:
        self.versions[uri] = 1
        self.lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
            )
        )

    def save(self, uri: str, text: str) -> int:
        """Replace the whole text (didChange) and save it (didSave); returns the new version."""
        self.versions[uri] += 1
        version = self.versions[uri]
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        path = to_fs_path(uri)
        if path:  # the file on disk follows the save, wherever the document lives
            Path(path).write_text(text, encoding="utf-8")
        self.lsp.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        return version

    async def command(self, name: str, *args: Any) -> Any:
        result = await self.lsp.workspace_execute_command_async(types.ExecuteCommandParams(command=name, arguments=list(args)))
        return _plain(result)


def _plain(value: Any) -> Any:
    """cattrs-structured JSON (lsprotocol's LSPObject) back to plain dicts and lists."""
    if hasattr(value, "_asdict"):  # pygls hands untyped JSON objects over as named tuples
        value = value._asdict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def solution(problem: str, name: str) -> str:
    """A golden solution's text, with the first-line marker that binds it."""
    text = (SOLUTIONS / problem / f"{name}.py").read_text(encoding="utf-8")
    return f"# mlkata: {problem}\n{text}"


def server_env(home: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(cache),
        PYTHONUNBUFFERED="1",
    )
    return env


def _vscode_capabilities() -> types.ClientCapabilities:
    """VS Code's capabilities as pytest-lsp recorded them, plus inlay hints (VS Code has them since 1.67)."""
    caps = client_capabilities("visual-studio-code")
    if caps.workspace is not None:
        caps.workspace.inlay_hint = types.InlayHintWorkspaceClientCapabilities(refresh_support=True)
    if caps.text_document is not None:
        caps.text_document.inlay_hint = types.InlayHintClientCapabilities()
    return caps


@contextlib.asynccontextmanager
async def start_server(home: Path, cache: Path, locale: str | None = None, **settings: Any) -> AsyncIterator[Client]:
    """Start ``python -m mlkata.server``, initialise it with settings (and the editor's display language), shut it down after."""
    (home / "work").mkdir(parents=True, exist_ok=True)
    lsp = make_test_lsp_client()
    client = Client(lsp, home)
    lsp.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = lambda params: client.on_publish(params)
    lsp.feature("mlkata/mockEvent")(lambda params: client.on_event(params))
    lsp.feature("mlkata/runFinished")(lambda params: client.on_run(params))
    lsp.feature("mlkata/reviewChanged")(lambda params: client.reviews.append(_plain(params)))
    lsp.feature(types.WORKSPACE_CODE_LENS_REFRESH)(lambda params: client.on_lens_refresh())
    lsp.feature(types.WORKSPACE_INLAY_HINT_REFRESH)(lambda params: client.on_hint_refresh())
    lsp.protocol.fm.features[types.WORKSPACE_APPLY_EDIT] = lambda params: client.on_apply_edit(params)
    await lsp.start_io(sys.executable, "-m", "mlkata.server", env=server_env(home, cache))
    options = {"databasePath": str(home / "progress.sqlite3"), "solutionsFolder": str(home / "work"), **settings}
    await lsp.initialize_session(
        types.InitializeParams(
            capabilities=_vscode_capabilities(),
            root_uri=(home / "work").as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=(home / "work").as_uri(), name="work")],
            initialization_options=options,
            locale=locale,
        )
    )
    try:
        yield client
    finally:
        try:
            await asyncio.wait_for(lsp.shutdown_session(), 30)
        except Exception:
            # A server that does not shut down is killed, so stopping the client cannot hang.
            if lsp._server is not None and lsp._server.returncode is None:
                lsp._server.kill()
        await lsp.stop()


@pytest.fixture(scope="session")
def reference_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One reference-output cache for every server of the session."""
    return tmp_path_factory.mktemp("reference-cache")


@pytest.fixture
async def server(tmp_path: Path, reference_cache: Path) -> AsyncIterator[Client]:
    """A started server with its own home, data folder and progress database."""
    async with start_server(tmp_path, reference_cache) as client:
        yield client


@pytest.fixture(scope="session")
async def shared_server(tmp_path_factory: pytest.TempPathFactory, reference_cache: Path) -> AsyncIterator[Client]:
    """One server for the tests that only ask it things: default settings, no mock interview, no
    progress they assert on, each with documents of its own names. A server start costs 2-3 s."""
    async with start_server(tmp_path_factory.mktemp("shared-server"), reference_cache) as client:
        yield client
