"""The numbers of the progress page, from the progress database: the editor's page and ``mlkata progress``.

Every store read goes through ``record`` (the language server's reports a failing store once and
carries on with nothing; the command line's, :func:`direct`, lets :class:`mlkata.store.StoreError`
through). Time is passed in.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from mlkata.mock import MockSession
from mlkata.review import ReviewQueue

if TYPE_CHECKING:
    from mlkata.bank import Bank
    from mlkata.bank.cards import Card
    from mlkata.store import Store

T = TypeVar("T")


class Record(Protocol):
    """How a store read is run: ``record(what, action)`` returns the action's result, or None if it failed."""

    def __call__(self, what: str, action: Callable[[], T], /) -> T | None: ...


def direct(what: str, action: Callable[[], T], /) -> T:
    """Run a store read as it is (a failure raises)."""
    return action()


def summary(store: Store, bank: Bank, cards: Mapping[str, Card], now: float, record: Record = direct) -> dict[str, Any]:
    """Solved (and attempted) counts by difficulty, area and topic, streak, recent runs, best times, totals, reviews."""
    stats = record("progress", store.problem_stats) or {}
    tables: dict[str, dict[str, dict[str, int]]] = {"byDifficulty": {}, "byArea": {}, "byTopic": {}}
    for p in bank.problems.values():
        entry_of = stats.get(p.id, {})
        solved = int(bool(entry_of.get("solved")))
        attempted = int(bool(solved or entry_of.get("runs")))
        keys = [("byDifficulty", p.difficulty), ("byArea", p.area)] + [("byTopic", t) for t in p.topics]
        for table, key in keys:
            entry = tables[table].setdefault(key, {"solved": 0, "attempted": 0, "total": 0})
            entry["solved"] += solved
            entry["attempted"] += attempted
            entry["total"] += 1
    best = sorted(
        ({"id": pid, "seconds": s["bestSeconds"]} for pid, s in stats.items() if s.get("bestSeconds") is not None),
        key=lambda b: b["id"],
    )
    days = record("progress", store.run_days) or []
    today = datetime.datetime.fromtimestamp(now).date()
    return {
        "solved": sum(1 for p in bank.problems if stats.get(p, {}).get("solved")),
        "attempted": sum(1 for p in bank.problems if stats.get(p, {}).get("solved") or stats.get(p, {}).get("runs")),
        "total": len(bank.problems),
        "byDifficulty": tables["byDifficulty"],
        "byArea": dict(sorted(tables["byArea"].items())),
        "byTopic": dict(sorted(tables["byTopic"].items())),
        "streakDays": streak(days, today),
        "days": len(days),
        "recentRuns": record("progress", store.recent_runs) or [],
        "bestTimes": best,
        "counts": record("progress", store.counts) or {},
        "database": str(store.path) if store.path else None,
        "review": record("the review queue", lambda: review_progress(store, bank, cards, now)),
        "mocks": [_mock_summary(MockSession(state).report()) for state in record("progress", store.finished_mocks) or []],
    }


def _mock_summary(report: dict[str, Any]) -> dict[str, Any]:
    """A finished mock interview on the progress page: when, how it went, the self-assessment."""
    coding = [r for r in report["rounds"] if r["kind"] == "coding"]
    spoken = [a for r in report["rounds"] for a in r["answers"]]
    return {
        "id": report["id"],
        "title": report["title"],
        "finishedAt": report["finishedAt"],
        "abandoned": report["abandoned"],
        "solved": report["solved"],
        "codingTasks": len(coding),
        "answered": sum(1 for a in spoken if a.get("answer")),
        "questions": len(spoken),
        "asked": sum(len(r["asked"]) for r in coding),
        "rubric": report["rubric"],
    }


def review_progress(store: Store, bank: Bank, cards: Mapping[str, Card], now: float) -> dict[str, Any]:
    """The review queue on the progress page: due today and this week, retention, the weakest topics."""
    queue = ReviewQueue(store)
    ids = list(cards)
    forecast = queue.forecast(ids, now, days=7)
    remembered, reviews = queue.retention(now)
    by_topic: dict[str, list[float]] = {}
    for (kind, item), chance in queue.retrievability(now).items():
        card = cards.get(item) if kind == "card" else None
        problem = bank.problems.get(item) if kind == "problem" else None
        topic = card.topic if card else problem.topics[0] if problem and problem.topics else None
        if topic:
            by_topic.setdefault(topic, []).append(chance)
    recall = {t: sum(v) / len(v) for t, v in by_topic.items()}
    weakest = [{"topic": t, "recall": recall[t], "items": len(by_topic[t])} for t in sorted(recall, key=recall.__getitem__)]
    return {
        "dueNow": len(queue.queue(ids, now)),
        "dueToday": forecast[0],
        "dueThisWeek": sum(forecast),
        "forecast": forecast,
        "retention": {"remembered": remembered, "reviews": reviews},
        "weakest": weakest[:5],
        "cards": len(ids),
    }


def streak(days: list[str], today: datetime.date) -> int:
    """Consecutive days with a run, ending today (or yesterday, if nothing yet today)."""
    have = {datetime.date.fromisoformat(d) for d in days}
    day = today if today in have else today - datetime.timedelta(days=1)
    n = 0
    while day in have:
        n += 1
        day -= datetime.timedelta(days=1)
    return n
