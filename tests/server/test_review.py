"""The review queue through the language server: a card answered, revealed and graded; problems graded from runs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from mlkata.bank import default_roots, load_bank
from mlkata.bank.cards import load_cards
from mlkata.review import ReviewQueue
from mlkata.store import Store

from .conftest import Client, solution, start_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cards() -> Any:
    roots = default_roots()
    return load_cards(roots, load_bank(roots).problems)


async def test_a_card_is_answered_revealed_and_graded_and_the_due_count_drops(server: Client, cards: Any) -> None:
    before = await server.command("mlkata.reviewStatus")
    assert before["due"] == 10, "a fresh store: the day's ten new cards"
    assert before["next"]["kind"] == "card" and before["next"]["title"] == cards.cards[before["next"]["id"]].question
    opened = await server.command("mlkata.reviewNext")
    assert opened["kind"] == "card" and opened["id"] == before["next"]["id"]
    card = cards.cards[opened["id"]]
    path = Path(opened["path"])
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"<!-- mlkata-card: {card.id} -->\n# {card.question}") and "\n---\n" in text
    uri = path.as_uri()
    server.open(uri, text)
    empty = await server.command("mlkata.revealCard", {"uri": uri})
    assert empty["answer"] == card.answer and not any(p["mentioned"] for p in empty["points"])
    assert "keyword match" in empty["note"] or not card.points
    answer = "; ".join(p.phrases[0] for p in card.points) or "my answer"
    server.save(uri, text + answer + "\n")
    shown = await server.command("mlkata.revealCard", {"uri": uri})
    assert [p["mentioned"] for p in shown["points"]] == [True] * len(card.points)
    lenses = await server.lsp.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [lens.command.title for lens in lenses if lens.command] == [
        "Grade: Again",
        "Grade: Hard",
        "Grade: Good",
        "Grade: Easy",
    ]
    graded = await server.command("mlkata.gradeCard", {"uri": uri, "grade": "good"})
    assert graded["status"]["due"] == before["due"] - 1 and graded["due"] > time.time() and graded["state"] == "learning"
    await server.wait_for(lambda: server.reviews, 10, "the reviewChanged notification")
    assert server.reviews[-1]["due"] == before["due"] - 1
    history = ReviewQueue(Store.open(server.home / "progress.sqlite3")).history("card", card.id)
    assert [(h["rating"], h["answer"]) for h in history] == [("good", answer)], "the answer is kept with its grade"
    review = (await server.command("mlkata.progress"))["review"]
    assert review["dueNow"] == graded["status"]["due"] and review["dueToday"] >= review["dueNow"]
    assert sum(review["forecast"][:2]) >= review["dueNow"] + 1, "the graded card is due again within minutes (a learning step)"
    assert len(review["forecast"]) == 7 and review["dueThisWeek"] == sum(review["forecast"])
    assert review["retention"] == {"remembered": 0, "reviews": 0}, "a first review is not a retention sample"
    assert [w["topic"] for w in review["weakest"]] == [card.topic]
    again = await server.command("mlkata.reviewNext")
    assert again["kind"] == "card" and again["id"] != card.id


async def test_a_named_mistake_makes_the_problems_cards_due_and_a_solve_grades_it(server: Client, cards: Any) -> None:
    linked = [c.id for c in cards.cards.values() if "layer-norm" in c.problems]
    assert len(linked) >= 3, "layer-norm's follow-ups are cards linked to it"
    uri = server.write("layer_norm.py", solution("layer-norm", "unbiased_variance"))
    server.open(uri, (server.home / "work" / "layer_norm.py").read_text(encoding="utf-8"))
    await server.wait_for(lambda: server.reviews, 120, "the queue to change after the named mistake")
    assert server.reviews[-1]["due"] == 10 + len(linked), "the linked cards are due now, beside the day's new cards"
    server.save(uri, solution("layer-norm", "flatten_var_mean"))
    await server.wait_for(lambda: len(server.reviews) >= 2, 120, "the queue to change after the solve")
    queue = ReviewQueue(Store.open(server.home / "progress.sqlite3"))
    assert [(h["rating"], h["reason"]) for h in queue.history("problem", "layer-norm")] == [("hard", "solved")], (
        "solved after a failed run: Hard"
    )
    assert ("problem", "layer-norm") in queue.states()


@pytest.mark.fast
@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"id": "no-such-card", "grade": "good"}, "unknown card 'no-such-card'"),
        ({"id": "layer-norm-followup-1", "grade": "meh"}, "argument 'grade' must be one of again, hard, good, easy, got 'meh'"),
        ({"id": "layer-norm-followup-1"}, "argument 'grade' must be one of again, hard, good, easy, got nothing"),
        ({}, "pass the answer file's 'uri'"),
    ],
)
async def test_bad_grade_arguments_are_named(shared_server: Client, args: dict[str, Any], message: str) -> None:
    with pytest.raises(JsonRpcException, match=message):
        await shared_server.command("mlkata.gradeCard", args)


@pytest.mark.fast
async def test_reveal_refuses_a_file_that_is_not_an_answer(shared_server: Client) -> None:
    uri = shared_server.write("not_a_card.md", "# notes\n")
    with pytest.raises(JsonRpcException, match="is not a review answer file"):
        await shared_server.command("mlkata.revealCard", {"uri": uri})


PHASED = """
[[interview]]
id = "phased"
title = "Phased"
models = "a round as the real ones run"
[[interview.round]]
questions = ["attn-sqrt-dk-scaling", "clip-temperature"]
question_minutes = 20
problem = "longest-common-subsequence"
followups = ["How would you score caption overlap with LCS?"]
followup_minutes = 10
"""


async def test_a_round_runs_questions_then_code_then_followups_to_its_report(
    tmp_path: Path, reference_cache: Path, cards: Any
) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "interviews.toml").write_text(PHASED)
    async with start_server(tmp_path, reference_cache, problemsFolders=[str(extra)]) as server:
        status = await server.command("mlkata.startMock", {"interview": "phased", "timeScale": 0.5})
        assert (status["phase"], status["interviewRound"], status["interviewRounds"]) == ("questions", 1, 1)
        sheet = Path(status["path"])
        scale = cards.cards["attn-sqrt-dk-scaling"]
        first = f"## Q1. {scale.question}\n"
        assert first in sheet.read_text() and f"## Q2. {cards.cards['clip-temperature'].question}" in sheet.read_text()
        with pytest.raises(JsonRpcException, match="during the coding phase"):
            await server.command("mlkata.askInterviewer")
        said = " ".join(p.phrases[0] for p in scale.points)
        sheet.write_text(sheet.read_text().replace(first, first + said + "\n"))

        coding = (await server.command("mlkata.submitRound"))["status"]
        assert coding["phase"] == "coding" and Path(coding["path"]).name == "longest_common_subsequence.py"
        offered = await server.command("mlkata.askInterviewer")
        problem = load_bank(default_roots()).get("longest-common-subsequence")
        assert [q["question"] for q in offered["questions"]] == [c.question for c in problem.clarifications]
        told = await server.command("mlkata.askInterviewer", {"question": 1})
        assert told["answer"] == problem.clarifications[0].answer
        code = Path(coding["path"])
        server.open(code.as_uri(), code.read_text())
        server.save(code.as_uri(), solution("longest-common-subsequence", "rolling_row"))
        await server.wait_for(lambda: [r for r in server.runs if r["report"]["verdict"] == "passed"], 120, "a passing run")

        followups = (await server.command("mlkata.submitRound"))["status"]
        assert followups["phase"] == "followups" and Path(followups["path"]) == sheet
        assert followups["questions"] == ["How would you score caption overlap with LCS?"]
        assert "## F1. How would you score caption overlap with LCS?" in sheet.read_text()
        sheet.write_text(sheet.read_text() + "ROUGE-L divides the LCS length by the lengths.\n")
        finished = await server.command("mlkata.submitRound")
        assert finished["event"] == "finished"
        questions, code_phase, later = finished["report"]["rounds"]
        assert questions["answers"][0]["answer"] == said and questions["answers"][0]["mentioned"] == len(scale.points)
        assert questions["answers"][0]["model"] == scale.answer and questions["answers"][1]["answer"] == ""
        assert code_phase["verdict"] == "passed" and code_phase["asked"] == [
            {"question": problem.clarifications[0].question, "answer": problem.clarifications[0].answer}
        ]
        assert later["answers"][0]["answer"] == "ROUGE-L divides the LCS length by the lengths."

        rubric = {"communication": 4, "correctness": 5, "complexity": 3, "testing": 2}
        assert (await server.command("mlkata.rateInterview", rubric))["rubric"] == rubric
        assert (await server.command("mlkata.mockReport"))["rubric"] == rubric, "kept with the interview"
        (shown,) = (await server.command("mlkata.progress"))["mocks"]
        assert (shown["title"], shown["solved"], shown["codingTasks"]) == ("Phased", 1, 1)
        assert (shown["answered"], shown["questions"], shown["asked"], shown["rubric"]) == (2, 3, 1, rubric)
    queue = ReviewQueue(Store.open(tmp_path / "progress.sqlite3"))
    assert queue.history("card", "attn-sqrt-dk-scaling")[0]["rating"] == "good", "every key point mentioned"
    assert queue.history("card", "clip-temperature")[0]["rating"] == "again", "left blank"
    assert queue.history("problem", "longest-common-subsequence")[0]["reason"] == "mock interview"


async def test_a_phase_resumes_after_a_server_restart_and_closes_on_the_clock(tmp_path: Path, reference_cache: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "interviews.toml").write_text(PHASED)
    async with start_server(tmp_path, reference_cache, problemsFolders=[str(extra)]) as server:
        started = await server.command("mlkata.startMock", {"interview": "phased", "timeScale": 0.005})  # questions: 6 s
    async with start_server(tmp_path, reference_cache, problemsFolders=[str(extra)]) as server:
        status = await server.command("mlkata.mockStatus")
        assert status["phase"] == "questions" and status["deadline"] == started["deadline"], "the server's clock, resumed"
        event = await server.wait_for(lambda: server.events, 30, "the questions phase to close on the clock")
        assert event[0]["reason"] == "timeout" and event[0]["status"]["phase"] == "coding"
        await server.command("mlkata.abandonMock")


async def test_a_mock_round_can_hide_the_failing_cases_as_an_online_judge_does(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache, mockHidesDetails=True) as server:
        status = await server.command("mlkata.startMock", {"interview": "algorithms-screen", "timeScale": 0.5})
        path = Path(status["path"])
        server.open(path.as_uri(), path.read_text())
        wrong = solution("longest-substring-without-repeating-characters", "set_window").replace("return best", "return best + 1")
        server.save(path.as_uri(), wrong)
        await server.wait_for(lambda: server.runs, 120, "the run")
        (diagnostic,) = server.publishes(path.as_uri())[-1].diagnostics
        assert diagnostic.code == "hidden_tests" and diagnostic.range.start.line == 0
        assert diagnostic.message.endswith("hidden tests pass") and not diagnostic.related_information
        assert all(t["message"] == "" and t["details"] == [] for t in server.runs[-1]["report"]["tests"])
        # The compared values (the Testing view's diff) are hidden too, in the notification and the command's reply.
        assert all("expected" not in t and "actual" not in t for t in server.runs[-1]["report"]["tests"])
        reply = await server.command("mlkata.runTests", {"uri": path.as_uri()})
        assert reply["passed"] < reply["total"]
        assert all(t["message"] == "" and "expected" not in t for t in reply["tests"]), "the command's reply hides them too"
        await server.command("mlkata.abandonMock")
