"""The warm workers' watchdog: a worker found stopped or dead is restarted before a save needs it.

A run also checks its worker's health before it starts and while it waits
(:func:`mlkata.judge.session._start`); the watchdog makes sure the next save after such an
event finds a worker again, instead of paying for a cold start.
"""

from __future__ import annotations

import asyncio
import logging

from mlkata.server.state import MlKataServer

log = logging.getLogger("mlkata.server")

WATCH_EVERY_S = 5.0
"""How often the workers' state is read from /proc (a few small reads: free)."""

_TASKS: set[asyncio.Future[None]] = set()


def heal(server: MlKataServer) -> list[str]:
    """Restart every warm worker that cannot serve runs; what was wrong with each restarted one."""
    healed = []
    for worker in (server.worker, server.python_worker):
        why = worker.health() if worker is not None else None
        if worker is not None and why:
            log.warning("ML Kata: a warm worker (%s) %s; restarting it", worker.python, why)
            worker.restart()
            healed.append(why)
    return healed


async def _watch(server: MlKataServer) -> None:
    while True:
        await asyncio.sleep(WATCH_EVERY_S)
        heal(server)


def setup(server: MlKataServer) -> None:
    """Watch the workers once the client is ready (the workers start then)."""

    def start() -> None:
        task = asyncio.ensure_future(_watch(server))
        _TASKS.add(task)
        task.add_done_callback(_TASKS.discard)

    server.on_initialized.append(start)
