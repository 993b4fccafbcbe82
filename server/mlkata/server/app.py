"""The language server: hidden-test results as diagnostics, practice commands, mock interviews.

Start it over stdio with ``python -m mlkata.server`` or ``mlkata serve``. This module only wires:
the server's state is :mod:`mlkata.server.state`; each feature module registers its own handlers
and commands from its ``setup(server)`` (see ``docs/architecture.md``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from types import ModuleType

from lsprotocol import types

from mlkata import i18n
from mlkata.judge.workers import WarmWorker
from mlkata.server import history, inlay, interviews, lenses, practice, problems, review, runs, watchdog
from mlkata.server.protocol import CONFIG_SECTION
from mlkata.server.state import MlKataServer

FEATURES: tuple[ModuleType, ...] = (runs, inlay, lenses, problems, practice, history, interviews, review, watchdog)
"""Every feature module; each has ``setup(server)``."""


def _lifecycle(server: MlKataServer) -> None:
    """Initialise, start the workers once the client is ready, follow settings, stop on shutdown."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: MlKataServer, params: types.InitializeParams) -> None:
        i18n.set_locale(params.locale)  # the editor's display language, for every message from now on
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: MlKataServer, params: types.InitializedParams) -> None:
        ls.flush_notices()
        ls.start_worker()
        for then in ls.on_initialized:
            then()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: MlKataServer, params: None) -> None:
        ls.stop_workers()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: MlKataServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        caps = ls.client_capabilities.workspace
        if not settings and caps is not None and caps.configuration:
            # Pull model: the notification only says "something changed"; ask for our section.
            items = [types.ConfigurationItem(section=CONFIG_SECTION)]
            settings = (await ls.workspace_configuration_async(types.ConfigurationParams(items=items)))[0]
        ls.configure(settings)


def build_server(features: tuple[ModuleType, ...] = FEATURES) -> MlKataServer:
    """A server with its lifecycle handlers and every feature registered."""
    server = MlKataServer()
    _lifecycle(server)
    for feature in features:
        setup: Callable[[MlKataServer], None] = feature.setup
        setup(server)
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
