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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlkata.bank import Bank
    from mlkata.bank.cards import Card
    from mlkata.bank.interviews import Interview


class MockSession:
    """One mock interview, started or resumed."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    @classmethod
    def start(
        cls, interview: Interview, bank: Bank, now: float, time_scale: float = 1.0, cards: Mapping[str, Card] | None = None
    ) -> MockSession:
        """A new session whose first phase starts now; time_scale shortens (or lengthens) every phase.

        Each round becomes up to three phases on one clock, in order: its spoken questions (concept
        cards, answered in the round's answer file), its coding task, and follow-up questions on the
        code. A phase is an entry of ``state["rounds"]`` with its ``kind`` and interview ``round``.
        """
        phases: list[dict[str, Any]] = []
        for number, r in enumerate(interview.rounds, 1):
            if r.questions:
                asked = [{"card": c, "question": cards[c].question if cards and c in cards else c} for c in r.questions]
                phases.append(_phase("questions", number, "Questions", r.question_minutes, time_scale, asked))
            if r.problem is not None:
                problem = bank.get(r.problem)
                coding = _phase("coding", number, problem.title, r.minutes, time_scale, [])
                coding.update(problem=problem.id, total=len(problem.test_names))
                coding["followups"] = [f.question for f in problem.followups] + list(r.followups)
                phases.append(coding)
                if r.followup_minutes:
                    about = list(r.followups) or [f.question for f in problem.followups[:3]]
                    on_code: list[dict[str, Any]] = [{"card": None, "question": q} for q in about]
                    later = _phase("followups", number, f"Follow-ups on {problem.title}", r.followup_minutes, time_scale, on_code)
                    later["about"] = problem.id
                    phases.append(later)
        state = {
            "id": time.strftime("%Y%m%d-%H%M%S", time.localtime(now)) + "-" + secrets.token_hex(2),
            "interview": interview.id,
            "title": interview.title,
            "startedAt": now,
            "finishedAt": None,
            "abandoned": False,
            "timeScale": time_scale,
            "current": 0,
            "interviewRounds": len(interview.rounds),
            "rounds": phases,
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
            "phase": None if r is None else r.get("kind", "coding"),
            "interviewRound": None if r is None else r.get("round", (self.current_index or 0) + 1),
            "interviewRounds": self.state.get("interviewRounds", len(self.state["rounds"])),
            "questions": [] if r is None else [q["question"] for q in r.get("questions", [])],
            "roundStates": [
                {
                    "kind": x.get("kind", "coding"),
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
                    "kind": r.get("kind", "coding"),
                    "interviewRound": r.get("round", i + 1),
                    "questions": r.get("questions", []),
                    "answers": r.get("answers", []),
                    "asked": r.get("asked", []),
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
            "rubric": self.state.get("rubric"),
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

    def record_question(self, question: str, answer: str) -> None:
        """A clarifying question asked during the open coding phase, and the interviewer's answer."""
        r = self.current()
        if r is not None:
            r.setdefault("asked", []).append({"question": question, "answer": answer})

    def record_answers(self, index: int, answers: list[dict[str, Any]]) -> None:
        """The answers written in a questions or follow-ups phase (with what the server found in them)."""
        self.state["rounds"][index]["answers"] = answers

    def rate(self, rubric: dict[str, int]) -> None:
        """The candidate's own rating of the interview (communication, correctness, complexity, testing)."""
        self.state["rubric"] = dict(rubric)

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


def _phase(kind: str, number: int, title: str, minutes: float, scale: float, asked: list[dict[str, Any]]) -> dict[str, Any]:
    """One phase of a round, not started yet."""
    return {
        "kind": kind,
        "round": number,
        "problem": None,
        "title": title,
        "minutes": minutes,
        "seconds": minutes * 60 * scale,
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
        "total": 0,
        "followups": [],
        "questions": asked,
        "answers": [],
        "asked": [],
    }


def _round_state(r: dict[str, Any]) -> str:
    if r["closedAt"] is not None:
        return {"timeout": "timed_out", "submit": "submitted"}.get(r["closedBy"], "abandoned")
    if r["closedBy"] == "abandoned":
        return "abandoned"
    return "pending" if r["startedAt"] is None else "active"
