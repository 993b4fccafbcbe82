"""Start the warm workers before anything else, so their torch import overlaps the server's start.

Imports only what starting a worker needs (not the language server, whose imports take 0.8 s).
"""

from __future__ import annotations

import sys

from mlkata.bank import default_roots
from mlkata.judge.workers import WarmWorker, warm_workers


def spawn_workers(python: str = sys.executable) -> tuple[WarmWorker, WarmWorker]:
    """The torch worker and the pure-Python one, their processes started (readiness is awaited later)."""
    workers = warm_workers(python, default_roots())
    for worker in workers:
        worker.spawn()
    return workers
