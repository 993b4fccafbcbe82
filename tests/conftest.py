"""Shared fixtures: the bundled bank, judge options with a per-session reference cache, and one
batch session (warm workers started once) that the bank-wide tests judge through."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from mlkata.bank import Bank, load_bank
from mlkata.judge.batch import Batch
from mlkata.judge.runner import Options

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.judge.verdict import Report

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run slow tests last (they stay part of the suite)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is not None)


@pytest.fixture(scope="session", autouse=True)
def user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's data folder, for this session and the processes it starts: a command that judges records its
    run in the progress database there (``mlkata check`` without ``--database``), never in the real one."""
    folder = tmp_path_factory.mktemp("user-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(folder))
        yield folder


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The bundled problem bank (must load without errors)."""
    loaded = load_bank([ROOT / "problems"])
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture(scope="session")
def options(tmp_path_factory: pytest.TempPathFactory) -> Options:
    """Judge options whose reference cache lives in this session's temp folder."""
    return Options(cache_dir=tmp_path_factory.mktemp("reference-cache"))


class SyncBatch:
    """A :class:`Batch` living on an event loop of its own thread, for synchronous tests.

    One run at a time per test process: with ``pytest -n 2`` the two processes keep both cores busy.
    """

    def __init__(self, options: Options, roots: list[Path]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="batch-loop", daemon=True)
        self.thread.start()
        self.batch = Batch(options, roots, jobs=1)
        self.call(self.batch.start())

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the batch's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def judge(self, problem: Problem, source: str, filename: str, **changes: Any) -> Report:
        """Judge through the batch's warm workers (``changes`` override option fields)."""
        return self.call(self.batch.judge(problem, source, filename, **changes))

    def close(self) -> None:
        self.batch.stop()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="session")
def batch(options: Options) -> Iterator[SyncBatch]:
    """The session's batch: warm workers with every bundled problem preloaded, shared by the bank-wide tests."""
    session = SyncBatch(options, [ROOT / "problems"])
    yield session
    session.close()
