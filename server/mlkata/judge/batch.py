"""Many judgements in one session: warm workers started once, a fixed number of runs at a time.

What ``mlkata validate``, the golden-solution tests and the benchmarks judge through. It is the
language server's path (the same :class:`~mlkata.judge.runner.WarmWorker` pair, torch imported
once, every problem's hidden tests preloaded), with the reference cache shared by every judgement
of the session and ``jobs`` runs in flight so that every core is busy.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mlkata.judge.engine import judge
from mlkata.judge.options import Options
from mlkata.judge.workers import warm_workers

if TYPE_CHECKING:
    from types import TracebackType

    from mlkata.bank import Problem
    from mlkata.judge.verdict import Report


def default_jobs() -> int:
    """Runs in flight: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Batch:
    """A judging session: ``async with Batch(options, roots) as batch: await batch.judge(...)``.

    ``roots`` are the problem folders whose hidden tests the workers load once at start (others
    still work: they are loaded per run). With ``torch=False`` only the pure-Python worker starts
    (torch problems then run in cold processes). A run waits for a free slot, so at most ``jobs`` runs
    share the machine and their time limits keep the room they were measured with.
    """

    def __init__(self, options: Options, roots: Sequence[Path] = (), jobs: int | None = None, torch: bool = True) -> None:
        self.jobs = jobs or default_jobs()
        warm, python = warm_workers(options.python, roots)
        # Without torch problems to judge, the torch worker is never started (its torch import is the longest part of a start).
        self.workers = (warm, python) if torch else (python,)
        self.options = attrs.evolve(options, worker=warm if torch else None, python_worker=python)
        self._slots: asyncio.Semaphore | None = None

    async def start(self) -> None:
        """Start both workers and wait until they are ready (a worker that fails leaves its runs cold)."""
        self._slots = asyncio.Semaphore(self.jobs)
        await asyncio.gather(*(worker.start() for worker in self.workers))

    def stop(self) -> None:
        """Kill the workers and every run forked from them."""
        for worker in self.workers:
            worker.stop()

    async def __aenter__(self) -> Batch:
        await self.start()
        return self

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    async def judge(self, problem: Problem, source: str, filename: str, **changes: Any) -> Report:
        """Judge ``source`` against ``problem`` in a free slot; ``changes`` override fields of the options."""
        return (await self.timed(problem, source, filename, **changes))[0]

    async def timed(self, problem: Problem, source: str, filename: str, **changes: Any) -> tuple[Report, float]:
        """:meth:`judge`, with the seconds it took once its slot was free."""
        assert self._slots is not None, "start the batch first"
        options = attrs.evolve(self.options, **changes) if changes else self.options
        async with self._slots:
            start = time.monotonic()
            return await judge(problem, source, filename, options), time.monotonic() - start
