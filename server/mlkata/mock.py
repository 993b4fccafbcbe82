"""A timed mock interview: rounds with deadlines on the server's clock, and the final report.

The session is plain JSON-able state (:attr:`MockSession.state`) so the server can store it after
every change and resume it after a restart. Time is always passed in (``now``, seconds since the
epoch), which keeps the rules testable: a round closes when it is submitted, abandoned, or its
deadline passes; the next round starts when the previous one closes; runs of a closed round's
problem are counted as overtime and never change its verdict.
"""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlkata.bank import Bank
    from mlkata.bank.interviews import Interview


class MockSession:
    """One mock interview, started or resumed."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    @classmethod
    def start(cls, interview: Interview, bank: Bank, now: float, time_scale: float = 1.0) -> MockSession:
        """A new session whose first round starts now; time_scale shortens (or lengthens) every round."""
        rounds = []
        for r in interview.rounds:
            problem = bank.get(r.problem)
            rounds.append(
                {
                    "problem": problem.id,
                    "title": problem.title,
                    "minutes": r.minutes,
                    "seconds": r.minutes * 60 * time_scale,
                    "startedAt": None,
                    "deadline": None,
                    "closedAt": None,
                    "closedBy": None,
                    "path": None,
                    "runs": 0,
                    "overtimeRuns": 0,
                    "hints": 0,
                    "verdict": None,
                    "passed": 0,
                    "total": len(problem.test_names),
                    "followups": [f.question for f in problem.followups] + list(r.followups),
                }
            )
        state = {
            "id": time.strftime("%Y%m%d-%H%M%S", time.localtime(now)) + "-" + secrets.token_hex(2),
            "interview": interview.id,
            "title": interview.title,
            "startedAt": now,
            "finishedAt": None,
            "abandoned": False,
            "timeScale": time_scale,
            "current": 0,
            "rounds": rounds,
        }
        session = cls(state)
        session._begin(0, now)
        return session

    # -- queries ----------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The session's id."""
        return str(self.state["id"])

    @property
    def finished(self) -> bool:
        """True once every round is closed."""
        return self.state["finishedAt"] is not None

    @property
    def current_index(self) -> int | None:
        """Index of the open round, None when finished."""
        return None if self.finished else int(self.state["current"])

    def current(self) -> dict[str, Any] | None:
        """The open round, None when finished."""
        i = self.current_index
        return None if i is None else self.state["rounds"][i]

    def remaining(self, now: float) -> float:
        """Seconds left in the open round (0 when finished or overdue)."""
        r = self.current()
        return 0.0 if r is None else max(0.0, r["deadline"] - now)

    def next_deadline(self) -> float | None:
        """When the open round closes by itself."""
        r = self.current()
        return None if r is None else float(r["deadline"])

    def round_of(self, problem: str) -> tuple[int, bool] | None:
        """(round index, overtime) a run of problem belongs to, or None if no round has it.

        The open round wins; otherwise the latest closed round on that problem (overtime).
        """
        i = self.current_index
        rounds = self.state["rounds"]
        if i is not None and rounds[i]["problem"] == problem:
            return i, False
        for j in range(len(rounds) - 1, -1, -1):
            if rounds[j]["problem"] == problem and rounds[j]["closedAt"] is not None:
                return j, True
        return None

    def status(self, now: float) -> dict[str, Any]:
        """What a client shows: the open round, the time left by the server's clock, every round."""
        r = self.current()
        return {
            "active": not self.finished,
            "id": self.id,
            "interview": self.state["interview"],
            "title": self.state["title"],
            "round": None if r is None else self.current_index,
            "rounds": len(self.state["rounds"]),
            "problem": None if r is None else r["problem"],
            "path": None if r is None else r["path"],
            "remainingSeconds": round(self.remaining(now), 3),
            "deadline": None if r is None else r["deadline"],
            "now": now,
            "roundStates": [
                {
                    "problem": x["problem"],
                    "title": x["title"],
                    "state": _round_state(x),
                    "verdict": x["verdict"],
                    "passed": x["passed"],
                    "total": x["total"],
                }
                for x in self.state["rounds"]
            ],
        }

    def report(self) -> dict[str, Any]:
        """The final report: per round the verdict, time used, runs, hints and follow-up questions."""
        rounds = []
        for i, r in enumerate(self.state["rounds"]):
            used = None
            if r["startedAt"] is not None:
                used = (r["closedAt"] or r["deadline"]) - r["startedAt"]
            rounds.append(
                {
                    "round": i + 1,
                    "problem": r["problem"],
                    "title": r["title"],
                    "minutes": r["minutes"],
                    "allowedSeconds": r["seconds"],
                    "closedBy": r["closedBy"],
                    "verdict": r["verdict"] or "not_run",
                    "passed": r["passed"],
                    "total": r["total"],
                    "secondsUsed": None if used is None else round(used, 3),
                    "runs": r["runs"],
                    "overtimeRuns": r["overtimeRuns"],
                    "hints": r["hints"],
                    "followups": r["followups"],
                }
            )
        return {
            "id": self.id,
            "interview": self.state["interview"],
            "title": self.state["title"],
            "startedAt": self.state["startedAt"],
            "finishedAt": self.state["finishedAt"],
            "abandoned": self.state["abandoned"],
            "solved": sum(1 for r in rounds if r["verdict"] == "passed"),
            "rounds": rounds,
        }

    # -- changes ----------------------------------------------------------------------------

    def set_path(self, index: int, path: str) -> None:
        """Remember the solution file of a round."""
        self.state["rounds"][index]["path"] = path

    def record_run(self, problem: str, report: dict[str, Any]) -> tuple[int, bool] | None:
        """Count a run of problem; an in-time run sets its round's verdict. Returns (round, overtime)."""
        where = self.round_of(problem)
        if where is None:
            return None
        index, overtime = where
        r = self.state["rounds"][index]
        if overtime:
            r["overtimeRuns"] += 1
        else:
            r["runs"] += 1
            r["verdict"], r["passed"], r["total"] = report["verdict"], report["passed"], report["total"]
        return where

    def record_hint(self, problem: str) -> None:
        """Count a hint taken during the open round on problem."""
        where = self.round_of(problem)
        if where is not None and not where[1]:
            self.state["rounds"][where[0]]["hints"] += 1

    def close_current(self, now: float, by: str) -> list[int]:
        """Close the open round (submit/abandon) and start the next; returns the indexes closed."""
        i = self.current_index
        if i is None:
            return []
        self._close(i, now, by)
        return [i]

    def expire(self, now: float) -> list[int]:
        """Close every round whose deadline has passed (at its deadline); returns their indexes."""
        closed = []
        while (r := self.current()) is not None and r["deadline"] <= now:
            i = int(self.state["current"])
            self._close(i, r["deadline"], "timeout")
            closed.append(i)
        return closed

    def abandon(self, now: float) -> None:
        """Close the open round and every later one: the interview ends now."""
        self.state["abandoned"] = True
        rounds = self.state["rounds"]
        i = self.current_index
        if i is None:
            return
        rounds[i]["closedAt"], rounds[i]["closedBy"] = now, "abandoned"
        for later in rounds[i + 1 :]:
            later["closedBy"] = "abandoned"
        self.state["finishedAt"] = now

    def _close(self, index: int, at: float, by: str) -> None:
        rounds = self.state["rounds"]
        rounds[index]["closedAt"], rounds[index]["closedBy"] = at, by
        if index + 1 < len(rounds):
            self._begin(index + 1, at)
        else:
            self.state["finishedAt"] = at

    def _begin(self, index: int, at: float) -> None:
        r = self.state["rounds"][index]
        r["startedAt"], r["deadline"] = at, at + r["seconds"]
        self.state["current"] = index


def _round_state(r: dict[str, Any]) -> str:
    if r["closedAt"] is not None:
        return {"timeout": "timed_out", "submit": "submitted"}.get(r["closedBy"], "abandoned")
    if r["closedBy"] == "abandoned":
        return "abandoned"
    return "pending" if r["startedAt"] is None else "active"
