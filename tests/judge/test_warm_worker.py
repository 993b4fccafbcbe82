"""The warm worker: a crashed run never takes it down, a dead worker is replaced, a broken one leaves runs cold."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from mlkata.bank import Problem
from mlkata.judge.runner import Options, WarmWorker
from tests.judge.conftest import _children, run


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
    from mlkata.judge import session

    cold: list[tuple[object, ...]] = []
    spawn = asyncio.create_subprocess_exec

    async def counting(*args: object, **kwargs: object) -> object:
        cold.append(args)
        return await spawn(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session.asyncio, "create_subprocess_exec", counting)

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


def _stop_the_spare(worker: WarmWorker) -> None:
    """A worker whose spare run process never accepts: a connection waits in the listen queue."""
    assert worker.pid is not None
    (spare,) = [pid for _, pid in _children(worker.pid)]  # its only child (it may not have renamed itself yet)
    os.kill(int(spare), signal.SIGSTOP)
    deadline = time.monotonic() + 5
    while Path(f"/proc/{spare}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "T":  # stopped, as the kernel sees it
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _runs_die_before_ready(worker: WarmWorker) -> None:
    """A worker whose runs die before they say they are ready: every connection is closed at once."""
    os.unlink(worker.socket_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(worker.socket_path)
    listener.listen(8)

    def close_each() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.close()

    threading.Thread(target=close_each, daemon=True).start()


@pytest.mark.parametrize("breakage", [_stop_the_spare, _runs_die_before_ready], ids=["spare_stopped", "run_dies"])
def test_a_worker_that_cannot_start_a_run_is_restarted_and_the_run_retried_cold(
    add_problem: Problem, options: Options, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, breakage: Callable
) -> None:
    from mlkata.judge import session

    monkeypatch.setattr(session, "WARM_READY_S", 2.0)
    cold: list[object] = []
    spawn = asyncio.create_subprocess_exec

    async def counting(*args: object, **kwargs: object) -> object:
        cold.append(args)
        return await spawn(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session.asyncio, "create_subprocess_exec", counting)
    right = "def add(a, b):\n    return a + b\n"

    async def scenario() -> tuple[list[str], float, int | None, int | None]:
        from mlkata.judge.engine import judge

        worker = WarmWorker(torch=False)
        await worker.start_now()
        warm = attrs.evolve(options, python_worker=worker, worker=None)
        try:
            broken = worker.pid
            breakage(worker)
            start = time.monotonic()
            first = await judge(add_problem, right, "/w/s.py", warm)
            elapsed = time.monotonic() - start
            await worker.settle(30)
            restarted = worker.pid
            second = await judge(add_problem, right.replace("a + b", "b + a"), "/w/s.py", warm)
            # A stopped spare is seen before the run connects (the health check), a dying run only by trying.
            assert worker.failures == (0 if breakage is _stop_the_spare else 1)
            return [first.verdict.value, second.verdict.value], elapsed, broken, restarted
        finally:
            worker.stop()

    verdicts, elapsed, broken, restarted = asyncio.run(scenario())
    assert verdicts == ["passed", "passed"]
    assert restarted is not None and restarted != broken
    # A run that died was retried once, cold; a worker seen stopped before the run was restarted at once,
    # and the run waited for the new one (it starts as fast as a cold process would).
    assert len(cold) == (0 if breakage is _stop_the_spare else 1)
    assert elapsed < session.WARM_READY_S, f"the broken worker was noticed only after {elapsed:.1f} s"
    if breakage is _runs_die_before_ready:
        assert "the warm worker did not start the run of add-two" in caplog.text
    else:
        # The log says what was wrong: its spare run process is stopped.
        assert re.search(r"its spare run process \d+ is stopped; restarting it", caplog.text), caplog.text
