"""Mock-interview rules on an explicit clock: deadlines, submits, overtime, abandon, the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import Bank
from mlkata.bank.interviews import Interview, Round
from mlkata.mock import MockSession


@pytest.fixture
def interview() -> Interview:
    rounds = (Round("multi-head-attention", 40), Round("longest-common-subsequence", 25, ("ROUGE-L?",)))
    return Interview("loop", "A loop", "a real loop", rounds, Path("interviews.toml"))


def result(verdict: str, passed: int, total: int) -> dict:
    return {"verdict": verdict, "passed": passed, "total": total}


def test_rounds_close_at_their_deadline_and_the_next_starts_there(bank: Bank, interview: Interview) -> None:
    s = MockSession.start(interview, bank, now=1000.0)
    assert s.current_index == 0 and s.remaining(1000.0) == 2400.0 and s.next_deadline() == 3400.0
    assert s.expire(3399.9) == []
    assert s.expire(4000.0) == [0]
    assert s.current_index == 1 and s.state["rounds"][1]["startedAt"] == 3400.0
    assert s.expire(10_000.0) == [1] and s.finished
    assert [r["closedBy"] for r in s.report()["rounds"]] == ["timeout", "timeout"]
    assert s.report()["rounds"][0]["secondsUsed"] == 2400.0


def test_runs_count_in_time_and_overtime(bank: Bank, interview: Interview) -> None:
    s = MockSession.start(interview, bank, now=0.0)
    assert s.record_run("multi-head-attention", result("wrong_answer", 3, 9)) == (0, False)
    assert s.record_run("layer-norm", result("passed", 9, 9)) is None
    s.close_current(100.0, "submit")
    assert s.record_run("multi-head-attention", result("passed", 9, 9)) == (0, True)
    s.record_hint("longest-common-subsequence")
    rounds = s.report()["rounds"]
    assert rounds[0]["verdict"] == "wrong_answer" and rounds[0]["runs"] == 1 and rounds[0]["overtimeRuns"] == 1
    assert rounds[0]["secondsUsed"] == 100.0 and rounds[1]["hints"] == 1
    assert "ROUGE-L?" in rounds[1]["followups"] and len(rounds[1]["followups"]) > 1


def test_abandon_ends_every_round(bank: Bank, interview: Interview) -> None:
    s = MockSession.start(interview, bank, now=0.0)
    s.abandon(10.0)
    assert s.finished and s.report()["abandoned"]
    assert [r["state"] for r in s.status(11.0)["roundStates"]] == ["abandoned", "abandoned"]
    assert s.report()["rounds"][1]["secondsUsed"] is None


def test_state_round_trips_through_json(bank: Bank, interview: Interview) -> None:
    import json

    s = MockSession.start(interview, bank, now=0.0, time_scale=0.5)
    again = MockSession(json.loads(json.dumps(s.state)))
    assert again.status(1.0) == s.status(1.0) and again.remaining(0.0) == 1200.0


def test_a_round_of_three_phases_runs_on_one_clock_and_reports_every_part(bank: Bank) -> None:
    from mlkata.bank import default_roots
    from mlkata.bank.cards import load_cards

    cards = load_cards(default_roots(), bank.problems).cards
    phased = Round("multi-head-attention", 25, ("Cross-attention?",), ("attn-sqrt-dk-scaling", "clip-temperature"), 20, 5)
    talk = Round(None, 0, questions=("family-bert",), question_minutes=10)
    s = MockSession.start(Interview("loop", "A loop", "x", (phased, talk), Path("i.toml")), bank, 1000.0, cards=cards)
    kinds = [(p["kind"], p["round"], p["seconds"]) for p in s.state["rounds"]]
    assert kinds == [("questions", 1, 1200.0), ("coding", 1, 1500.0), ("followups", 1, 300.0), ("questions", 2, 600.0)]
    status = s.status(1000.0)
    assert (status["phase"], status["interviewRound"], status["interviewRounds"]) == ("questions", 1, 2)
    assert status["questions"] == [cards["attn-sqrt-dk-scaling"].question, cards["clip-temperature"].question]
    assert s.close_current(1100.0, "submit") == [0] and s.status(1100.0)["phase"] == "coding"
    s.record_question("What shape?", "(batch, seq, d_model)")
    s.record_run("multi-head-attention", result("passed", 9, 9))
    assert s.expire(1100.0 + 1500.0) == [1], "the coding phase closes on the clock"
    assert s.status(2600.0)["questions"] == ["Cross-attention?"], "the round's own follow-ups"
    s.record_answers(2, [{"question": "Cross-attention?", "answer": "queries from the decoder"}])
    s.close_current(2700.0, "submit")
    s.close_current(2800.0, "submit")
    assert s.finished
    s.rate({"communication": 4, "correctness": 5, "complexity": 3, "testing": 2})
    report = s.report()
    assert [r["kind"] for r in report["rounds"]] == ["questions", "coding", "followups", "questions"]
    assert report["rounds"][1]["verdict"] == "passed" and report["rounds"][1]["asked"] == [
        {"question": "What shape?", "answer": "(batch, seq, d_model)"}
    ]
    assert report["rounds"][2]["answers"][0]["answer"] == "queries from the decoder"
    assert report["rubric"] == {"communication": 4, "correctness": 5, "complexity": 3, "testing": 2}
    assert report["solved"] == 1
