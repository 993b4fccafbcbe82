"""The review queue: FSRS state per item in the store, problems graded from what happened, key points."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import fsrs
import pytest

from mlkata.bank.cards import Card, KeyPoint, matched_points, mentions
from mlkata.review import DAY, RATINGS, ReviewQueue, problem_rating
from mlkata.store import Store

NOW = 1_800_000_000.0
NO_FUZZ = fsrs.Scheduler(enable_fuzzing=False)


def queue(path: Path | None = None, new_per_day: int = 10) -> ReviewQueue:
    return ReviewQueue(Store.open(path), NO_FUZZ, new_per_day)


def test_fsrs_state_advances_with_grades_and_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    q = queue(db)
    first = q.grade("card", "clip-temperature", RATINGS["good"], NOW)
    assert first.state == "learning" and NOW < first.due < NOW + DAY
    again = q.grade("card", "clip-temperature", RATINGS["good"], first.due)
    assert again.state == "review" and again.due > first.due + DAY / 2, "a second Good moves it to days away"
    q.store.close()
    reopened = queue(db)
    card = reopened.states()[("card", "clip-temperature")]
    assert card.due.timestamp() == pytest.approx(again.due) and card.state is fsrs.State.Review
    worse = reopened.grade("card", "clip-temperature", RATINGS["again"], again.due)
    assert worse.state == "relearning" and worse.due < again.due + DAY
    assert [h["rating"] for h in reopened.history("card", "clip-temperature")] == ["again", "good", "good"]


def test_easy_schedules_further_than_hard() -> None:
    q = queue()
    hard = q.grade("card", "a", RATINGS["hard"], NOW)
    easy = q.grade("card", "b", RATINGS["easy"], NOW)
    assert easy.due - NOW > 5 * (hard.due - NOW)


def test_the_queue_mixes_due_cards_and_problems_in_due_order_then_new_cards() -> None:
    q = queue(new_per_day=2)
    q.grade("problem", "lcs", RATINGS["hard"], NOW - 3 * DAY)
    q.grade("card", "rope-why", RATINGS["good"], NOW - 2 * DAY)
    q.grade("card", "kv-cache", RATINGS["good"], NOW - 10 * DAY)
    q.grade("card", "far", RATINGS["easy"], NOW)
    cards = ["rope-why", "kv-cache", "far", "new-1", "new-2", "new-3"]
    items = q.queue(cards, NOW)
    due = [(i.kind, i.id) for i in items if i.state != "new"]
    assert set(due) == {("problem", "lcs"), ("card", "rope-why"), ("card", "kv-cache")}
    assert [i.due for i in items[: len(due)]] == sorted(i.due for i in items[: len(due)])
    assert [i.id for i in items if i.state == "new"] == ["new-1"], "'far' was new today: one more new card fits in two"
    later = q.queue(cards, NOW + DAY * 1.01)
    assert [i.id for i in later if i.state == "new"] == ["new-1", "new-2"], "a new day: two new cards"
    assert "far" not in [i.id for i in later], "an Easy card is not due a day later"
    assert q.next_due(cards, NOW) == items[0]


def test_make_due_brings_scheduled_cards_forward_and_queues_new_ones_beyond_the_daily_number() -> None:
    q = queue(new_per_day=0)
    q.grade("card", "lora-init", RATINGS["easy"], NOW)
    assert q.queue(["lora-init", "never-seen"], NOW + 60) == [], "not due, and no new card a day"
    assert q.make_due("card", ["lora-init", "never-seen"], NOW + 60) == ["lora-init", "never-seen"]
    items = q.queue(["lora-init", "never-seen"], NOW + 61)
    assert [(i.id, i.state) for i in items] == [("lora-init", "review"), ("never-seen", "new")]
    assert q.make_due("card", ["lora-init"], NOW + 62) == [], "already due"


def test_forecast_and_retention() -> None:
    q = queue(new_per_day=1)
    q.grade("card", "a", RATINGS["good"], NOW - 5 * DAY)
    q.grade("card", "a", RATINGS["again"], NOW - 1 * DAY)
    q.grade("card", "b", RATINGS["good"], NOW - 5 * DAY)
    q.grade("card", "b", RATINGS["good"], NOW - 1 * DAY)
    assert q.retention(NOW) == (1, 2), "the second reviews: one remembered, one forgotten"
    counts = q.forecast(["a", "b", "c"], NOW, days=7)
    assert len(counts) == 7 and sum(counts) >= 2 and counts[0] >= 1, counts


@pytest.mark.parametrize(
    ("solved", "failed", "hints", "seconds", "rating"),
    [
        (True, 0, 0, 600.0, fsrs.Rating.Easy),
        (True, 0, 0, 5000.0, fsrs.Rating.Good),
        (True, 0, 0, None, fsrs.Rating.Good),
        (True, 2, 0, 300.0, fsrs.Rating.Hard),
        (True, 0, 1, 300.0, fsrs.Rating.Hard),
        (False, 0, 0, None, fsrs.Rating.Again),
    ],
)
def test_a_problem_is_graded_from_what_happened(
    solved: bool, failed: int, hints: int, seconds: float | None, rating: fsrs.Rating
) -> None:
    assert problem_rating(solved=solved, failed_runs=failed, hints=hints, seconds=seconds, minutes=20) == rating


def test_answers_are_kept_with_the_grade() -> None:
    q = queue()
    q.record_answer("clip-temperature", "draft", NOW)
    q.grade("card", "clip-temperature", RATINGS["good"], NOW + 1, answer="final answer")
    assert q.history("card", "clip-temperature")[0]["answer"] == "final answer"
    rows = q.store.query("SELECT card FROM answers")
    assert [r[0] for r in rows] == ["clip-temperature"]


KILLED = """
import sys, time
import fsrs
from mlkata.review import RATINGS, ReviewQueue
from mlkata.store import Store
q = ReviewQueue(Store.open(sys.argv[1]), fsrs.Scheduler(enable_fuzzing=False))
at = 1_800_000_000.0
n = 0
while True:
    q.grade("card", f"c{n % 7}", RATINGS["good"], at + n)
    n += 1
    if n == 50:
        print("graded", flush=True)
"""


def test_a_process_killed_mid_review_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "graded"
    os.kill(proc.pid, signal.SIGKILL)  # it grades on without pause: the kill lands inside some review
    proc.wait()
    q = queue(db)
    logged = q.store.query("SELECT kind, item, COUNT(*), MAX(at) FROM review_log GROUP BY kind, item")
    states = q.states()
    assert sum(r[2] for r in logged) >= 50
    for kind, item, count, last in logged:
        card = states[(kind, item)]
        assert card.last_review is not None and card.last_review.timestamp() == pytest.approx(last), (
            f"{item}: its state is the one of its last logged review ({count} reviews)"
        )
    assert q.store.query("PRAGMA integrity_check")[0][0] == "ok"
    json.dumps([c.to_dict() for c in states.values()])


CARD = Card(
    id="attention-scale",
    deck="transformers",
    question="Why divide by sqrt(d_k)?",
    answer="...",
    points=(
        KeyPoint("The dot products' variance grows with d_k", ("variance", "方差")),
        KeyPoint("The softmax saturates", ("saturate", "saturation", "饱和")),
        KeyPoint("Gradients vanish", ("vanishing gradient", "small gradient", "梯度消失")),
    ),
    topic="attention",
    difficulty="easy",
    problems=(),
    source="Vaswani et al. 2017, §3.2.1",
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("", [False, False, False]),
        ("No idea, something about speed.", [False, False, False]),
        ("Large variance makes softmax saturate, so we get vanishing gradients.", [True, True, True]),
        ("The VARIANCE of q·k is d_k.", [True, False, False]),
        ("点积的方差随维度增大，softmax 饱和，梯度消失。", [True, True, True]),
        ("It is saturated... no: it saturates", [False, True, False]),
        ("invariance is not the point", [False, False, False]),
    ],
)
def test_key_points_are_matched_as_whole_words_or_chinese_substrings(answer: str, expected: list[bool]) -> None:
    assert matched_points(answer, CARD) == expected


def test_mentions_accepts_plurals_and_symbols() -> None:
    assert mentions("two softmaxes", "softmax") and mentions("divide by sqrt(d_k)", "sqrt(d_k)")
    assert not mentions("sqrt of d", "sqrt(d_k)")
