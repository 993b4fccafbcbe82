"""``mlkata hint | followups | progress``: the editor's rules, in the editor's progress database (seeded, never judged)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlkata import hints, i18n
from mlkata.bank import Bank
from mlkata.bank.interviews import Interview, Round
from mlkata.cli import main
from mlkata.mock import MockSession
from mlkata.review import RATINGS, ReviewQueue
from mlkata.store import Store

PROBLEM = "layer-norm"  # three hints, five follow-ups
FAILED = {"verdict": "wrong_answer", "passed": 0, "total": 1, "tests": [{"name": "t", "duration_ms": 1.0}]}
PASSED = {"verdict": "passed", "passed": 1, "total": 1, "tests": [{"name": "t", "duration_ms": 1.0}]}


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch, bank: Bank) -> Iterator[None]:
    """English messages, and the bundled bank loaded once (each command would load it again)."""
    monkeypatch.setenv("MLKATA_LANG", "en")
    monkeypatch.setattr("mlkata.bank.load_bank", lambda roots=None: bank)
    yield
    i18n.set_locale("en")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_hint_unlocks_by_the_editors_rule_and_records_each_hint(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 0 and out.splitlines()[0] == "Hint 1: which dimensions (1 of 3)  (new)"
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 1, "hint 2 needs one failed run or five minutes of work"
    assert out.splitlines()[-1] == "hint 2 unlocks after 1 more failed run or 5 more minutes of work"
    assert "(new)" not in out and out.startswith("Hint 1: which dimensions (1 of 3)\n")
    store = Store.open(db)
    assert store.hints_taken(PROBLEM) == 1
    store.record_run(PROBLEM, FAILED, "# mlkata: layer-norm\n")
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 0 and "Hint 2: the statistics (2 of 3)  (new)" in out.splitlines() and store.hints_taken(PROBLEM) == 2
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 1 and out.splitlines()[-1] == "hint 3 unlocks after 1 more failed run or 10 more minutes of work"


def test_hint_counts_minutes_of_work_since_the_start_and_takes_the_settings_overrides(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(db)
    store.record_start(PROBLEM, at=time.time() - 60)
    store.record_hint(PROBLEM, 0, at=time.time() - 30)
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 1 and out.splitlines()[-1] == "hint 2 unlocks after 1 more failed run or 4 more minutes of work"
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db), "--after-runs", "0", "--after-minutes", "1")
    assert status == 0 and "Hint 2: the statistics (2 of 3)  (new)" in out, "one minute of work per hint already shown: unlocked"
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db), "--after-runs", "0", "--after-minutes", "0")
    assert status == 0 and "(3 of 3)  (new)" in out
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db), "--json")
    answer = json.loads(out)
    assert status == 0 and answer["exhausted"] and answer["index"] == 3 and len(answer["revealed"]) == 3
    assert answer["hint"]["title"] == answer["revealed"][-1]["title"], "the editor's shape"
    with pytest.raises(SystemExit) as usage:
        main(["hint", PROBLEM, "--after-runs", "-1"])
    assert usage.value.code == 2 and "expected a number from 0 to 1000, got -1" in capsys.readouterr().err


def test_the_shared_rule_on_an_explicit_clock() -> None:
    start = 1000.0
    assert hints.lock(0, 0, None, start) is None, "the first hint is free"
    assert hints.lock(1, 0, start, start + 4.5 * 60) == "hint 2 unlocks after 1 more failed run or 1 more minute of work"
    assert hints.lock(1, 0, start, start + 5 * 60) is None, "five minutes of work"
    assert hints.lock(2, 1, start, start + 60, runs=1, minutes=0) == "hint 3 unlocks after 1 more failed run"
    assert hints.lock(2, 0, None, start, runs=0, minutes=2) == "hint 3 unlocks after 4 more minutes of work"
    assert hints.lock(3, 0, None, start, runs=0, minutes=0) is None, "0 and 0: every hint at once"


def test_hint_lock_text_comes_from_the_message_catalogue(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(db).record_hint(PROBLEM, 0)
    monkeypatch.setenv("MLKATA_LANG", "zh-CN")
    status, out, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 1 and out.splitlines()[-1] == "再有 1 次未通过的运行或再练 5 分钟后解锁提示 2"


@pytest.fixture
def in_round(db: Path, bank: Bank) -> MockSession:
    """A mock interview whose open round is the coding task of PROBLEM, stored as the editor stores it."""
    interview = Interview("one", "One round", "a phone screen", (Round(PROBLEM, 30),), Path("interviews.toml"))
    mock = MockSession.start(interview, bank, time.time())
    s = mock.state
    Store.open(db).save_mock(mock.id, s["interview"], s["startedAt"], s["finishedAt"], s)
    return mock


def test_a_hint_in_a_mock_round_counts_in_the_round_and_followups_wait(
    db: Path, in_round: MockSession, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = run(capsys, "hint", PROBLEM, "--database", str(db))
    assert status == 0
    store = Store.open(db)
    assert [tuple(r) for r in store.query("SELECT idx, mock_id FROM hints")] == [(0, in_round.id)]
    assert (store.mock(in_round.id) or {})["rounds"][0]["hints"] == 1, "counted in the open round, as the editor does"
    status, _, err = run(capsys, "followups", PROBLEM, "--database", str(db), "--give-up")
    assert status == 1 and "not during the mock interview round on layer-norm" in err
    assert not store.unlocked(PROBLEM), "nothing recorded"


def test_followups_are_locked_until_a_pass_or_a_give_up(db: Path, capsys: pytest.CaptureFixture[str], bank: Bank) -> None:
    status, out, err = run(capsys, "followups", PROBLEM, "--database", str(db))
    assert status == 1 and out == ""
    assert "solve layer-norm first (every hidden test passing), or give up: mlkata followups layer-norm --give-up" in err
    status, out, _ = run(capsys, "followups", PROBLEM, "--database", str(db), "--give-up")
    problem = bank.get(PROBLEM)
    assert status == 0 and out.startswith(f"{problem.title} [{PROBLEM}]")
    assert f"1. {problem.followups[0].question}" in out and "Reference solution:" in out
    assert out.rstrip().endswith(problem.solution.rstrip())
    store = Store.open(db)
    assert store.counts()["giveups"] == 1
    graded = ReviewQueue(store).history("problem", PROBLEM)
    assert [(g["rating"], g["reason"]) for g in graded] == [("again", "gave up")], "scheduled for review as the editor does"
    status, out, _ = run(capsys, "followups", PROBLEM, "--database", str(db), "--json")
    assert status == 0 and json.loads(out)["followups"][0]["question"] == problem.followups[0].question
    assert store.counts()["giveups"] == 1, "already unlocked: not given up again"
    store.record_run("longest-common-subsequence", PASSED, "# mlkata: longest-common-subsequence\n")
    assert run(capsys, "followups", "longest-common-subsequence", "--database", str(db))[0] == 0, "a pass unlocks them"


def test_unknown_problem_is_an_input_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "hint", "no-such-problem", "--database", str(db))
    assert status == 2 and "unknown problem 'no-such-problem'" in err


def test_progress_shows_the_progress_page_from_the_same_database(
    db: Path, capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    store = Store.open(db)
    store.record_run(PROBLEM, FAILED, "# mlkata: layer-norm\n")
    store.record_run(PROBLEM, PASSED, "# mlkata: layer-norm\nfixed\n")
    store.record_run("longest-common-subsequence", FAILED, "# mlkata: longest-common-subsequence\n")
    ReviewQueue(store).grade("problem", "longest-common-subsequence", RATINGS["again"], time.time() - 86400 * 3)
    status, out, _ = run(capsys, "progress", "--database", str(db), "--json")
    data = json.loads(out)
    assert status == 0 and (data["solved"], data["attempted"], data["total"]) == (1, 2, len(bank.problems))
    layer, lcs = bank.get(PROBLEM), bank.get("longest-common-subsequence")
    assert data["byArea"][layer.area]["solved"] >= 1 and data["byArea"][lcs.area]["attempted"] >= 1
    assert sum(v["attempted"] for v in data["byDifficulty"].values()) == 2
    assert data["streakDays"] == 1 and data["days"] == 1
    assert [r["problem"] for r in data["recentRuns"]] == ["longest-common-subsequence", PROBLEM, PROBLEM]
    assert data["review"]["dueNow"] >= 1 and data["database"] == str(db)
    status, out, _ = run(capsys, "progress", "--database", str(db))
    lines = out.splitlines()
    assert status == 0 and lines[0] == f"1 solved, 2 attempted, of {len(bank.problems)} problems"
    assert lines[1] == "streak: 1 day · 1 day with runs"
    easy = data["byDifficulty"]["easy"]
    assert ["easy", str(easy["solved"]), str(easy["attempted"]), str(easy["total"])] in [line.split() for line in lines]
    area = data["byArea"][layer.area]
    assert [layer.area, str(area["solved"]), str(area["attempted"]), str(area["total"])] in [line.split() for line in lines]
    assert any(line.startswith("reviews: ") and "due now" in line for line in lines)
    assert "longest-common-subsequence" in lines[-3] and "wrong_answer" in lines[-3]
