"""End to end: a mock interview on a shortened clock, a restart mid-interview, kill -9 mid-run."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from mlkata.store import Store
from tests.server.conftest import solution, start_server

pytestmark = pytest.mark.slow


async def test_a_mock_interview_runs_out_of_time_and_is_reported(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache) as server:
        # algorithms-screen: 20 + 20 + 20 minutes (each problem's suggested time), scaled to 3 s each.
        status = await server.command("mlkata.startMock", {"interview": "algorithms-screen", "timeScale": 0.0025})
        assert status["active"] and status["round"] == 0 and status["rounds"] == 3
        assert 0 < status["remainingSeconds"] <= 3.0
        first = Path(status["path"])
        assert first.read_text().startswith("# mlkata: longest-substring-without-repeating-characters\n")

        right = solution("longest-substring-without-repeating-characters", "set_window")
        server.open(first.as_uri(), first.read_text())
        server.save(first.as_uri(), right)
        closed = await server.wait_for(
            lambda: [e for e in server.events if e["event"] == "roundClosed" and e["closed"] == [0]], 30, "round 1 to time out"
        )
        assert closed[0]["reason"] == "timeout" and closed[0]["status"]["round"] == 1
        second = closed[0]["status"]["path"]
        assert second and Path(second).name == "number_of_islands.py"

        submitted = await server.command("mlkata.submitRound")
        assert submitted["reason"] == "submit" and submitted["closed"] == [1]
        final = await server.wait_for(lambda: [e for e in server.events if e["event"] == "finished"], 30, "the last round")
        report = final[0]["report"]
        rounds = report["rounds"]
        assert [r["closedBy"] for r in rounds] == ["timeout", "submit", "timeout"]
        assert rounds[0]["verdict"] == "passed" and rounds[0]["runs"] >= 1
        assert rounds[1]["verdict"] == "not_implemented" and rounds[2]["verdict"] == "not_implemented"
        assert all(r["followups"] for r in rounds)
        assert 2.9 <= rounds[0]["secondsUsed"] <= 3.01
        assert rounds[1]["secondsUsed"] < 3.0
        assert report["solved"] == 1 and report["abandoned"] is False

        # Work after the bell counts as overtime and never changes the round's verdict.
        count = len(server.publishes(first.as_uri()))
        server.save(first.as_uri(), right.replace("return best", "return best + 1"))
        await server.diagnostics_after(first.as_uri(), count)
        after = await server.command("mlkata.mockReport")
        assert after["rounds"][0]["overtimeRuns"] == 1 and after["rounds"][0]["verdict"] == "passed"
        assert (await server.command("mlkata.mockStatus"))["active"] is False
    from mlkata.review import ReviewQueue

    queue = ReviewQueue(Store.open(tmp_path / "progress.sqlite3"))
    assert queue.history("problem", "longest-substring-without-repeating-characters")[0]["reason"] == "mock interview"
    assert [h["rating"] for h in queue.history("problem", "number-of-islands")] == ["again"], "submitted unsolved"
    assert [h["rating"] for h in queue.history("problem", "median-of-two-sorted-arrays")] == ["again"], "out of time"


async def test_a_mock_interview_survives_a_server_restart(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache) as server:
        started = await server.command("mlkata.startMock", {"interview": "llm-inference"})
        await server.command("mlkata.nextHint", {"id": started["problem"]})
    async with start_server(tmp_path, reference_cache) as server:
        status = await server.command("mlkata.mockStatus")
        assert status["active"] and status["id"] == started["id"] and status["round"] == 0
        assert status["deadline"] == started["deadline"], "the clock is the server's, not restarted"
        assert 0 < status["remainingSeconds"] < started["remainingSeconds"]
        report = await server.command("mlkata.abandonMock")
        assert report["abandoned"] and report["rounds"][0]["hints"] == 1
        assert [r["closedBy"] for r in report["rounds"]] == ["abandoned", "abandoned"]


async def test_a_mock_round_that_ended_while_the_server_was_down_is_closed_on_start(
    tmp_path: Path, reference_cache: Path
) -> None:
    async with start_server(tmp_path, reference_cache) as server:
        await server.command("mlkata.startMock", {"interview": "algorithms-screen", "timeScale": 0.0025})
    await asyncio.sleep(3.5)
    async with start_server(tmp_path, reference_cache) as server:
        event = await server.wait_for(lambda: server.events, 30, "the overdue round to close")
        # Round 1 closed at its deadline (round 2 too, if the restart took longer than its 3 s).
        assert event[0]["closed"][0] == 0 and event[0]["reason"] == "timeout"
        if (await server.command("mlkata.mockStatus"))["active"]:  # on a loaded machine every round may be over
            await server.command("mlkata.abandonMock")


async def test_the_database_survives_the_server_killed_mid_run(tmp_path: Path, reference_cache: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    problem = "longest-common-subsequence"
    texts = [
        solution(problem, n) for n in ("greedy_two_pointer", "rolling_row", "longest_common_substring", "multiset_intersection")
    ]
    completed = 0
    for round_ in range(3):
        async with start_server(tmp_path, reference_cache) as server:
            uri = server.write(f"lcs_{round_}.py", texts[0])
            server.open(uri, texts[0])
            await server.diagnostics_after(uri, 0)
            for text in texts[1:3]:
                count = len(server.publishes(uri))
                server.save(uri, text)
                await server.diagnostics_after(uri, count)
            completed += len(server.publishes(uri))  # a run is recorded before it is published
            server.save(uri, texts[3])
            await asyncio.sleep(0.3)  # the run of the last text is in flight
            process = server.lsp._server
            assert process is not None
            process.send_signal(signal.SIGKILL)
            await process.wait()
        store = Store.open(db)
        assert store.notice is None, store.notice
        runs = store.runs_of(problem)
        assert len(runs) >= completed, f"round {round_}: {len(runs)} runs recorded, {completed} completed"
        verdicts = [r["verdict"] for r in runs]
        assert verdicts.count("passed") >= round_ + 1
        assert all(store.source(r["sourceHash"]) for r in runs)
        store.close()
