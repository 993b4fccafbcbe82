"""The warm worker: a crashed run never takes it down, a dead worker is replaced, runs go cold meanwhile."""

from __future__ import annotations

import asyncio
import os
import signal

import attrs

from mlkata.bank import Problem
from mlkata.judge.runner import Options, WarmWorker
from tests.judge.conftest import run


def test_a_crashing_run_leaves_the_worker_serving(add_problem: Problem, options: Options) -> None:
    worker = WarmWorker()
    asyncio.run(worker.start_now())
    try:
        warm = attrs.evolve(options, worker=worker)
        pid = worker.pid
        crash = "import os, signal\ndef add(a, b):\n    os.kill(os.getpid(), signal.SIGSEGV)\n"
        assert run(add_problem, crash, warm).verdict.value == "runtime_error"
        assert worker.pid == pid and worker.serves("python")
        assert run(add_problem, "def add(a, b):\n    return a + b\n", warm).verdict.value == "passed"
    finally:
        worker.stop()
    assert worker.pid is None


def test_a_dead_worker_is_restarted_and_the_run_goes_cold(add_problem: Problem, options: Options) -> None:
    async def scenario() -> tuple[str, str, int | None, int | None]:
        from mlkata.judge.engine import judge

        worker = WarmWorker()
        await worker.start_now()
        first = worker.pid
        assert first is not None
        os.killpg(first, signal.SIGKILL)
        await asyncio.sleep(0.2)
        warm = attrs.evolve(options, worker=worker)
        cold_run = await judge(add_problem, "def add(a, b):\n    return a + b\n", "/w/s.py", warm)
        await asyncio.wait_for(worker.start(), 120)
        warm_run = await judge(add_problem, "def add(a, b):\n    return a - b\n", "/w/s.py", warm)
        second = worker.pid
        worker.stop()
        return cold_run.verdict.value, warm_run.verdict.value, first, second

    cold, warm, first, second = asyncio.run(scenario())
    assert cold == "passed", "the run during the restart went cold and still got its verdict"
    assert warm == "wrong_answer"
    assert second is not None and second != first
