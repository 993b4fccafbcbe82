"""Commands over what the user did: attempts (every judged text), restoring one, the progress page."""

from __future__ import annotations

import datetime
import time
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams

from mlkata.mock import MockSession
from mlkata.review import ReviewQueue
from mlkata.server.params import AttemptRef, NoParams, ProblemRef, Restore, problem_of, register, uri_of
from mlkata.server.protocol import Commands
from mlkata.server.state import MlKataServer
from mlkata.store import StoreError


def list_attempts(ls: MlKataServer, params: ProblemRef) -> dict[str, Any]:
    """Every distinct text judged (or kept before a restore) for a problem, newest first."""
    p = problem_of(ls, params, Commands.LIST_ATTEMPTS)
    attempts = ls.record("the attempts", lambda: ls.store.attempts(p.id)) or []
    return {"id": p.id, "title": p.title, "attempts": attempts}


def _digest(params: AttemptRef | Restore, name: str) -> str:
    if params.hash is None:
        raise JsonRpcInvalidParams(f"{name}: argument 'hash' must be a non-empty string, got nothing")
    return params.hash


def attempt_text(ls: MlKataServer, params: AttemptRef) -> dict[str, Any]:
    """The exact text of one attempt, by its hash."""
    digest = _digest(params, Commands.ATTEMPT_TEXT)
    text = ls.record("the attempt", lambda: ls.store.source(digest))
    if text is None:
        raise JsonRpcInvalidParams(f"{Commands.ATTEMPT_TEXT}: no attempt {digest!r} in the progress database")
    return {"hash": digest, "text": text}


def restore_attempt(ls: MlKataServer, params: Restore) -> dict[str, Any]:
    """Replace an open document's text by an attempt's; the current text is kept as an attempt first."""
    name = Commands.RESTORE_ATTEMPT
    uri = uri_of(params, name)
    p = problem_of(ls, ProblemRef(uri=uri), name)
    digest = _digest(params, name)
    text = ls.store.source(digest)
    if text is None:
        raise JsonRpcInvalidParams(f"{name}: no attempt {digest!r} in the progress database")
    if not ls.is_open(uri):
        raise JsonRpcInvalidParams(f"{name}: {uri} is not open in the editor")
    try:
        kept = ls.store.record_snapshot(p.id, ls.document(uri).source)
    except StoreError as exc:
        raise JsonRpcInvalidParams(f"{name}: the current text could not be kept ({exc}); nothing was changed") from None
    ls.replace_text(uri, text, "ML Kata: restore attempt")
    return {"id": p.id, "uri": uri, "restored": digest, "kept": kept}


def progress(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
    """Solved counts by difficulty and topic, streak, recent runs, best times, totals."""
    stats = ls.record("progress", ls.store.problem_stats) or {}
    by_difficulty: dict[str, dict[str, int]] = {}
    by_topic: dict[str, dict[str, int]] = {}
    for p in ls.bank.problems.values():
        solved = int(bool(stats.get(p.id, {}).get("solved")))
        for table, key in [(by_difficulty, p.difficulty)] + [(by_topic, t) for t in p.topics]:
            entry = table.setdefault(key, {"solved": 0, "total": 0})
            entry["solved"] += solved
            entry["total"] += 1
    best = sorted(
        ({"id": pid, "seconds": s["bestSeconds"]} for pid, s in stats.items() if s.get("bestSeconds") is not None),
        key=lambda b: b["id"],
    )
    days = ls.record("progress", ls.store.run_days) or []
    return {
        "solved": sum(1 for p in ls.bank.problems if stats.get(p, {}).get("solved")),
        "total": len(ls.bank.problems),
        "byDifficulty": by_difficulty,
        "byTopic": dict(sorted(by_topic.items())),
        "streakDays": streak(days, datetime.date.today()),
        "recentRuns": ls.record("progress", ls.store.recent_runs) or [],
        "bestTimes": best,
        "counts": ls.record("progress", ls.store.counts) or {},
        "database": str(ls.store.path) if ls.store.path else None,
        "review": ls.record("the review queue", lambda: review_progress(ls, time.time())),
        "mocks": [_mock_summary(MockSession(state).report()) for state in ls.record("progress", ls.store.finished_mocks) or []],
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


def review_progress(ls: MlKataServer, now: float) -> dict[str, Any]:
    """The review queue on the progress page: due today and this week, retention, the weakest topics."""
    queue = ReviewQueue(ls.store)
    cards = list(ls.cards.cards)
    forecast = queue.forecast(cards, now, days=7)
    remembered, reviews = queue.retention(now)
    by_topic: dict[str, list[float]] = {}
    for (kind, item), chance in queue.retrievability(now).items():
        card = ls.cards.cards.get(item) if kind == "card" else None
        problem = ls.bank.problems.get(item) if kind == "problem" else None
        topic = card.topic if card else problem.topics[0] if problem and problem.topics else None
        if topic:
            by_topic.setdefault(topic, []).append(chance)
    recall = {t: sum(v) / len(v) for t, v in by_topic.items()}
    weakest = [{"topic": t, "recall": recall[t], "items": len(by_topic[t])} for t in sorted(recall, key=recall.__getitem__)]
    return {
        "dueNow": len(queue.queue(cards, now)),
        "dueToday": forecast[0],
        "dueThisWeek": sum(forecast),
        "forecast": forecast,
        "retention": {"remembered": remembered, "reviews": reviews},
        "weakest": weakest[:5],
        "cards": len(cards),
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


def setup(server: MlKataServer) -> None:
    """Register the history commands."""
    register(
        server,
        {
            Commands.LIST_ATTEMPTS: list_attempts,
            Commands.ATTEMPT_TEXT: attempt_text,
            Commands.RESTORE_ATTEMPT: restore_attempt,
            Commands.PROGRESS: progress,
        },
    )
