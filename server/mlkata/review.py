"""One review queue (spaced repetition) over concept cards and coding problems.

Scheduling is FSRS, from the ``fsrs`` package (the scheduler Anki ships): each item's FSRS card
(stability, difficulty, due) is kept as JSON in the progress store, and every grade is one
transaction that writes the new state and the review log together, so a process killed mid-review
loses nothing committed. A card's grade is the user's (Again / Hard / Good / Easy, after reading the
model answer); a problem's comes from what happened (:func:`problem_rating`). New cards enter the
queue at most :attr:`ReviewQueue.new_per_day` a day; a problem enters it when first solved or given
up. Time is passed in (seconds since the epoch) everywhere.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import fsrs

from mlkata.store import Store, source_hash

if TYPE_CHECKING:
    from mlkata.bank import Problem

KINDS = ("card", "problem")
RATINGS = {"again": fsrs.Rating.Again, "hard": fsrs.Rating.Hard, "good": fsrs.Rating.Good, "easy": fsrs.Rating.Easy}
"""The four self-grades, by the names commands take."""
DAY = 86400.0


def _when(at: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(at, tz=datetime.UTC)


@attrs.frozen
class Item:
    """One thing to review and when."""

    kind: str
    """``card`` or ``problem``."""
    id: str
    due: float
    """When it is due (a new card: now)."""
    state: str
    """``new``, ``learning``, ``review`` or ``relearning``."""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "due": self.due, "state": self.state}


def problem_rating(*, solved: bool, failed_runs: int, hints: int, seconds: float | None, minutes: int) -> fsrs.Rating:
    """A problem's grade from what happened.

    Given up (or not solved in time): Again. Solved after failed runs or hints: Hard. Solved on the
    first run without hints: Easy within the suggested time, Good beyond it (or when unknown).
    """
    if not solved:
        return fsrs.Rating.Again
    if failed_runs or hints:
        return fsrs.Rating.Hard
    if seconds is not None and seconds <= minutes * 60:
        return fsrs.Rating.Easy
    return fsrs.Rating.Good


class ReviewQueue:
    """The review state of every item in one store."""

    def __init__(self, store: Store, scheduler: fsrs.Scheduler | None = None, new_per_day: int = 10) -> None:
        self.store = store
        self.scheduler = scheduler or fsrs.Scheduler()
        self.new_per_day = new_per_day

    # -- writes: one transaction each ---------------------------------------------------------

    def grade(
        self, kind: str, item: str, rating: fsrs.Rating, at: float, reason: str = "self", answer: str | None = None
    ) -> Item:
        """Advance the item's FSRS state by one review; the answer (a card's), if any, is kept."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of review item {kind!r} (known: {', '.join(KINDS)})")
        with self.store.transaction() as db:
            row = db.execute("SELECT card FROM reviews WHERE kind = ? AND item = ?", (kind, item)).fetchone()
            card = fsrs.Card.from_dict(json.loads(row[0])) if row else fsrs.Card(due=_when(at))
            card, _ = self.scheduler.review_card(card, rating, _when(at))
            digest = None
            if answer is not None:
                digest = source_hash(answer)
                db.execute("INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)", (digest, answer))
            db.execute(
                "INSERT OR REPLACE INTO reviews (kind, item, card, due) VALUES (?, ?, ?, ?)",
                (kind, item, json.dumps(card.to_dict()), card.due.timestamp()),
            )
            db.execute(
                "INSERT INTO review_log (kind, item, rating, at, reason, answer_hash) VALUES (?, ?, ?, ?, ?, ?)",
                (kind, item, int(rating), at, reason, digest),
            )
        return Item(kind, item, card.due.timestamp(), _state(card))

    def give_up(self, problem: str, at: float) -> Item:
        """A problem given up (in the editor, on the command line, or a mock round not solved): graded Again."""
        return self.grade("problem", problem, RATINGS["again"], at, "gave up")

    def record_answer(self, card: str, text: str, at: float) -> str:
        """Keep a written answer (before it is graded); returns its hash."""
        digest = source_hash(text)
        with self.store.transaction() as db:
            db.execute("INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)", (digest, text))
            db.execute("INSERT INTO answers (card, at, source_hash) VALUES (?, ?, ?)", (card, at, digest))
        return digest

    def make_due(self, kind: str, items: Iterable[str], at: float) -> list[str]:
        """Make items due now (e.g. the cards of a mistake just made); returns those that were not.

        A scheduled item is brought forward; a new one is queued now, ahead of the day's new cards
        and outside their daily number (an FSRS card with no review yet, due now).
        """
        moved = []
        with self.store.transaction() as db:
            for item in items:
                row = db.execute("SELECT card, due FROM reviews WHERE kind = ? AND item = ?", (kind, item)).fetchone()
                if row is None:
                    fresh = json.dumps(fsrs.Card(due=_when(at)).to_dict())
                    db.execute("INSERT INTO reviews (kind, item, card, due) VALUES (?, ?, ?, ?)", (kind, item, fresh, at))
                    moved.append(item)
                    continue
                if row[1] <= at:
                    continue  # already due
                card = json.loads(row[0])
                card["due"] = _when(at).isoformat()
                db.execute("UPDATE reviews SET card = ?, due = ? WHERE kind = ? AND item = ?", (json.dumps(card), at, kind, item))
                moved.append(item)
        return moved

    def grade_solve(self, problem: Problem, runs: int, hints: int, seconds: float | None, reason: str, at: float) -> Item:
        """Grade a solved problem from its runs (the last one passed), hints and time (:func:`problem_rating`)."""
        rating = problem_rating(
            solved=True, failed_runs=max(0, runs - 1), hints=hints, seconds=seconds, minutes=problem.suggested_minutes
        )
        return self.grade("problem", problem.id, rating, at, reason)

    def after_run(self, problem: Problem, report: dict[str, Any], linked_cards: Callable[[], Iterable[str]], at: float) -> bool:
        """What a recorded run (a report in the ``check --json`` form) changes, judged in the editor or the terminal alike.

        A run that solved the problem outside a mock interview (whose rounds are graded on their own)
        grades it; a wrong answer named as one of the problem's classic mistakes makes the cards linked
        to it (``linked_cards()``, read only then) due. Whether the queue changed.
        """
        touched = False
        solve = self.store.new_solve(problem.id)
        if solve is not None and solve["mock_id"] is None:
            self.grade_solve(problem, solve["runs"], solve["hints"], solve["seconds"], "solved", at)
            touched = True
        explanations = [m.explanation for m in problem.mistakes]
        if any(str(t.get("message", "")).startswith(e) for t in report["tests"] for e in explanations):
            touched = bool(self.make_due("card", linked_cards(), at)) or touched
        return touched

    # -- reads ------------------------------------------------------------------------------------

    def states(self) -> dict[tuple[str, str], fsrs.Card]:
        """Every item that has been reviewed, with its FSRS card."""
        rows = self.store.query("SELECT kind, item, card FROM reviews")
        return {(r[0], r[1]): fsrs.Card.from_dict(json.loads(r[2])) for r in rows}

    def new_today(self, at: float) -> int:
        """How many new cards were introduced (first reviewed) since the start of this local day."""
        start = _day_start(at)
        rows = self.store.query(
            "SELECT COUNT(*) FROM (SELECT item, MIN(at) AS first FROM review_log WHERE kind = 'card' GROUP BY item) WHERE first >= ?",
            (start,),
        )
        return int(rows[0][0])

    def queue(self, cards: Sequence[str], at: float, horizon: float = 0.0) -> list[Item]:
        """What is due by ``at + horizon``, in due order: scheduled cards and problems, then today's new cards."""
        states = self.states()
        due = [
            Item(kind, item, card.due.timestamp(), _state(card))
            for (kind, item), card in states.items()
            if card.due.timestamp() <= at + horizon and (kind == "problem" or item in cards)
        ]
        due.sort(key=lambda i: (i.due, i.kind, i.id))
        return due + [Item("card", c, at, "new") for c in self._new_cards(cards, states, at)]

    def _new_cards(self, cards: Sequence[str], states: dict[tuple[str, str], fsrs.Card], at: float) -> list[str]:
        """The never-reviewed cards that still fit in today's number of new cards, in order."""
        room = max(0, self.new_per_day - self.new_today(at))
        return [c for c in cards if ("card", c) not in states][:room]

    def next_due(self, cards: Sequence[str], at: float) -> Item | None:
        """The first item of the queue now, or None."""
        items = self.queue(cards, at)
        return items[0] if items else None

    def forecast(self, cards: Sequence[str], at: float, days: int = 7) -> list[int]:
        """Reviews due on each of the next days (today first; today includes everything overdue and today's new cards)."""
        states = self.states()
        start = _day_start(at)
        counts = [0] * days
        for (kind, item), card in states.items():
            if kind == "card" and item not in cards:
                continue
            index = max(0, int((card.due.timestamp() - start) // DAY))
            if index < days:
                counts[index] += 1
        counts[0] += len(self._new_cards(cards, states, at))
        return counts

    def retention(self, at: float, days: int = 30) -> tuple[int, int]:
        """(remembered, reviews) of items already learned (reviewed before), over the last days."""
        rows = self.store.query(
            "SELECT rating FROM review_log AS l WHERE at >= ? AND EXISTS (SELECT 1 FROM review_log AS e"
            " WHERE e.kind = l.kind AND e.item = l.item AND e.at < l.at)",
            (at - days * DAY,),
        )
        return sum(1 for r in rows if r[0] != int(fsrs.Rating.Again)), len(rows)

    def retrievability(self, at: float) -> dict[tuple[str, str], float]:
        """The chance (FSRS) of recalling each reviewed item now."""
        return {key: self.scheduler.get_card_retrievability(card, _when(at)) for key, card in self.states().items()}

    def history(self, kind: str, item: str) -> list[dict[str, Any]]:
        """The item's reviews, newest first: when, the grade, why, and the answer given."""
        rows = self.store.query(
            "SELECT l.at, l.rating, l.reason, s.text FROM review_log AS l LEFT JOIN sources AS s ON s.hash = l.answer_hash"
            " WHERE l.kind = ? AND l.item = ? ORDER BY l.at DESC, l.id DESC",
            (kind, item),
        )
        names = {int(r): n for n, r in RATINGS.items()}
        return [{"at": r[0], "rating": names.get(int(r[1]), str(r[1])), "reason": r[2], "answer": r[3]} for r in rows]


def _state(card: fsrs.Card) -> str:
    return "new" if card.last_review is None else card.state.name.lower()


def _day_start(at: float) -> float:
    local = datetime.datetime.fromtimestamp(at)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
