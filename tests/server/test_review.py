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

from .conftest import Client, solution

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
