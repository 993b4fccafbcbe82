"""The warm worker: a crashed run never takes it down, a dead worker is replaced, a broken one leaves runs cold."""

from __future__ import annotations

import asyncio
import os
import signal

import attrs
import pytest

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


def test_a_dead_worker_is_restarted_and_a_run_meanwhile_waits_for_it(
    sdpa: Problem, options: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlkata.judge import runner

    cold: list[tuple[object, ...]] = []
    spawn = asyncio.create_subprocess_exec

    async def counting(*args: object, **kwargs: object) -> object:
        cold.append(args)
        return await spawn(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.asyncio, "create_subprocess_exec", counting)

    async def scenario() -> tuple[str, int | None, int | None]:
        from mlkata.judge.engine import judge

        worker = WarmWorker()
        await worker.start_now()
        first = worker.pid
        assert first is not None
        os.killpg(first, signal.SIGKILL)
        await asyncio.sleep(0.2)
        report = await judge(sdpa, sdpa.solution, "/w/s.py", attrs.evolve(options, worker=worker))
        second = worker.pid
        worker.stop()
        return report.verdict.value, first, second

    verdict, first, second = asyncio.run(scenario())
    assert verdict == "passed"
    assert second is not None and second != first
    # The reference's run and the user's both waited for the new worker: no cold torch import.
    assert cold == []


def test_a_worker_that_cannot_start_leaves_the_runs_cold(add_problem: Problem, options: Options) -> None:
    async def scenario() -> tuple[str, bool]:
        from mlkata.judge.engine import judge

        broken = WarmWorker(python="/bin/false")
        broken.start()
        report = await judge(add_problem, "def add(a, b):\n    return a + b\n", "/w/s.py", attrs.evolve(options, worker=broken))
        return report.verdict.value, broken.serves("torch")

    assert asyncio.run(scenario()) == ("passed", False)
