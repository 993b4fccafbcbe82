"""What a problem gives while it is being solved, by one rule for the editor and ``mlkata hint``.

Hints are earned: hint n+1 (n hints already shown since the problem was last started) unlocks after
n x ``runs`` failed runs or n x ``minutes`` minutes of work on the problem, whichever comes first.
The first hint is always free, and 0 and 0 unlock every hint at once. The editor's settings
``mlkata.hintAfterFailedRuns`` / ``mlkata.hintAfterMinutes`` and ``mlkata hint --after-runs`` /
``--after-minutes`` set the two numbers. The follow-up questions and the reference solution come
only after a pass or a give-up (:meth:`mlkata.store.Store.unlocked`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mlkata.i18n import t, tn

if TYPE_CHECKING:
    from mlkata.bank import Problem

DEFAULT_RUNS = 1
"""Failed runs per hint already shown (the editor's ``mlkata.hintAfterFailedRuns``)."""
DEFAULT_MINUTES = 5.0
"""Minutes of work per hint already shown (the editor's ``mlkata.hintAfterMinutes``)."""


def lock(
    taken: int, failed: int, since: float | None, now: float, runs: int = DEFAULT_RUNS, minutes: float = DEFAULT_MINUTES
) -> str | None:
    """Why hint taken+1 is still locked (None: it is unlocked), from the effort so far.

    ``failed`` and ``since`` are :meth:`mlkata.store.Store.effort`: the failed runs and when work began
    (None: not yet); ``now`` is the time in seconds since the epoch.
    """
    if taken == 0 or (runs == 0 and minutes == 0):
        return None
    worked = 0.0 if since is None else (now - since) / 60
    need_runs, need_minutes = taken * runs, taken * minutes
    if (runs and failed >= need_runs) or (minutes and worked >= need_minutes):
        return None
    ways = []
    if runs:
        ways.append(tn("hint.moreRuns", need_runs - failed))
    if minutes:
        ways.append(tn("hint.moreMinutes", max(1, math.ceil(need_minutes - worked))))
    return t("hint.locked", number=taken + 1, ways=t("hint.or").join(ways))


def hints_json(problem: Problem, taken: int, exhausted: bool, locked: str | None) -> dict[str, Any]:
    """The answer to "next hint": every hint shown so far, the new one (None when locked), why it is locked."""
    shown = problem.hints[:taken]
    answer: dict[str, Any] = {"id": problem.id, "index": taken, "total": len(problem.hints), "exhausted": exhausted}
    if locked is not None:
        answer["locked"] = locked
    answer["hint"] = {"title": shown[-1].title, "text": shown[-1].text} if shown and locked is None else None
    answer["revealed"] = [{"title": h.title, "text": h.text} for h in shown]
    return answer


def followups_json(problem: Problem) -> dict[str, Any]:
    """The follow-up questions with their model answers, and the reference solution."""
    return {
        "id": problem.id,
        "title": problem.title,
        "followups": [{"question": f.question, "answer": f.answer} for f in problem.followups],
        "solution": problem.solution,
    }
