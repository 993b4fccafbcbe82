"""Self-healing warm workers: one stopped or dead is found within seconds, restarted, and the run still judged."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
import types
from pathlib import Path

from mlkata.bank import Problem
from mlkata.judge.engine import judge
from mlkata.judge.runner import Options, WarmWorker
from mlkata.server import watchdog

RIGHT = "def add(a, b):\n    return a + b\n"


def _spare(worker: WarmWorker) -> int:
    """The pid of the worker's spare run process."""
    assert worker.pid is not None
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for child in Path(f"/proc/{worker.pid}/task/{worker.pid}/children").read_text().split():
            if Path(f"/proc/{child}/comm").read_text().strip() == "mlkata-spare":
                return int(child)
        time.sleep(0.05)
    raise AssertionError("the worker has no spare run process")


def _stop(pid: int) -> None:
    """SIGSTOP pid and wait until the kernel says it is stopped."""
    os.kill(pid, signal.SIGSTOP)
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "T":
        assert time.monotonic() < deadline, f"{pid} did not stop"
        time.sleep(0.01)


async def _started(worker: WarmWorker) -> WarmWorker:
    await worker.start_now()
    assert worker.health() is None
    return worker


def test_a_stopped_worker_is_found_restarted_and_the_run_judged(add_problem: Problem, tmp_path: Path) -> None:
    async def scenario() -> tuple[str, float, int | None, int | None, str | None]:
        worker = await _started(WarmWorker(torch=False))
        stopped = worker.pid
        assert stopped is not None
        try:
            _stop(stopped)  # what a solution could do before the sandbox: every later save hung
            assert worker.health() == "it is stopped"
            start = time.monotonic()
            report = await judge(add_problem, RIGHT, "/w/s.py", Options(cache_dir=tmp_path, worker=worker, python_worker=worker))
            elapsed = time.monotonic() - start
            await worker.settle(30)
            return report.verdict.value, elapsed, stopped, worker.pid, worker.health()
        finally:
            worker.stop()
            with contextlib.suppress(ProcessLookupError):
                os.kill(stopped, signal.SIGKILL)  # whatever happened above, no stopped process outlives the test

    verdict, elapsed, stopped, now, health = asyncio.run(scenario())
    assert verdict == "passed"
    assert elapsed < 10, f"the run took {elapsed:.1f} s behind a stopped worker"
    assert now is not None and now != stopped and health is None
    assert not Path(f"/proc/{stopped}").exists() or "Z" in Path(f"/proc/{stopped}/stat").read_text().split(")")[-1][:3]


def test_a_stopped_spare_is_found_before_the_run_waits_for_it(add_problem: Problem, tmp_path: Path) -> None:
    async def scenario() -> tuple[str, float, str | None, str | None]:
        worker = await _started(WarmWorker(torch=False))
        try:
            _stop(_spare(worker))
            found = worker.health()
            start = time.monotonic()
            report = await judge(add_problem, RIGHT, "/w/s.py", Options(cache_dir=tmp_path, worker=worker, python_worker=worker))
            elapsed = time.monotonic() - start
            await worker.settle(30)
            return report.verdict.value, elapsed, found, worker.health()
        finally:
            worker.stop()

    verdict, elapsed, found, health = asyncio.run(scenario())
    assert found is not None and found.startswith("its spare run process") and found.endswith("is stopped")
    assert verdict == "passed" and elapsed < 10 and health is None


def test_a_worker_stopped_while_a_run_waits_is_given_up_within_seconds(add_problem: Problem, tmp_path: Path) -> None:
    """The run has connected; the worker and spare stop before it answers: the health check ends the wait."""
    from mlkata.judge import session

    async def scenario() -> tuple[bool, float]:
        worker = await _started(WarmWorker(torch=False))
        _stop(_spare(worker))
        reader, writer = await worker.connect()
        start = time.monotonic()
        try:
            await session._start(reader, writer, b'{"tests": []}\n', True, 30.0, worker.health)
        except session._StartupFailed as failure:
            return "stopped" in str(failure), time.monotonic() - start
        finally:
            writer.close()
            worker.stop()
        return False, time.monotonic() - start

    said_why, waited = asyncio.run(scenario())
    assert said_why and waited < session.HEALTH_EVERY_S * 3


def test_the_watchdog_restarts_a_dead_or_stopped_worker() -> None:
    async def scenario() -> tuple[list[str], list[str], bool]:
        stopped, killed = await _started(WarmWorker(torch=False)), await _started(WarmWorker(torch=False))
        server = types.SimpleNamespace(worker=stopped, python_worker=killed)
        try:
            assert watchdog.heal(server) == []  # type: ignore[arg-type]
            assert stopped.pid is not None and killed.pid is not None
            _stop(stopped.pid)
            os.killpg(killed.pid, signal.SIGKILL)
            killed.proc.wait()  # type: ignore[union-attr]
            healed = watchdog.heal(server)  # type: ignore[arg-type]
            await asyncio.gather(stopped.settle(30), killed.settle(30))
            return healed, watchdog.heal(server), stopped.serves("python") and killed.serves("python")  # type: ignore[arg-type]
        finally:
            stopped.stop()
            killed.stop()

    healed, again, serving = asyncio.run(scenario())
    assert healed == ["it is stopped", "its process is gone"]
    assert again == [] and serving
