"""Mock interviews on the language server: the clock, the round files, and the commands.

:class:`mlkata.mock.MockSession` is the pure state machine (time passed in); this module gives it
a clock (a task that wakes at the open round's deadline), judges a round's latest text when it
closes, creates the next round's file, stores the state after every change, and tells the client
(``mlkata/mockEvent``). Other features ask it what a mock interview changes for them:
:func:`record_run`, :func:`record_hint`, :func:`in_round_on`, :func:`lens_title`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path

from mlkata.binding import create_solution, solution_name
from mlkata.i18n import t
from mlkata.judge.engine import judge
from mlkata.judge.options import JudgeError
from mlkata.mock import MockSession
from mlkata.server import answers, review
from mlkata.server.params import AskInterviewer, MockRef, NoParams, RateInterview, StartMock, register
from mlkata.server.protocol import Commands, Notifications
from mlkata.server.state import MlKataServer

log = logging.getLogger("mlkata.server")


class MockClock:
    """Closes the open round at its deadline; one change of the interview at a time."""

    def __init__(self, server: MlKataServer) -> None:
        self.server = server
        self.lock = asyncio.Lock()
        self.timer: asyncio.Task[None] | None = None

    def resume(self) -> None:
        """Load an unfinished mock interview from the store and start its clock."""
        ls = self.server
        state = ls.record("the mock interview", ls.store.active_mock)
        if not state:
            return
        ls.mock = MockSession(state)
        self.schedule()

    def schedule(self) -> None:
        """Wake up when the open round's time runs out."""
        if self.timer and not self.timer.done():
            self.timer.cancel()
        mock = self.server.mock
        if mock is None or mock.finished:
            return
        self.timer = asyncio.ensure_future(self._tick())

    async def _tick(self) -> None:
        while (mock := self.server.mock) is not None and not mock.finished:
            deadline = mock.next_deadline()
            assert deadline is not None
            delay = deadline - time.time()
            if delay > 0:
                await asyncio.sleep(min(delay, 3600))
                continue
            await self.close_round("timeout")

    async def close_round(self, by: str) -> dict[str, Any]:
        """Judge the open round's latest text, close it (submit or timeout) and start the next."""
        async with self.lock:
            mock = self.server.mock
            if mock is None or mock.finished:
                raise JsonRpcInvalidParams(t("mock.notRunning", command=Commands.START_MOCK))
            now = time.time()
            deadline = mock.next_deadline()
            if deadline is not None and deadline <= now:
                by = "timeout"  # a round already over closes at its deadline, not by this submit
            index = mock.current_index
            assert index is not None
            await self._final_judgement(mock, index)
            closed = mock.expire(now) if by == "timeout" else mock.close_current(now, by)
            return self.changed(mock, closed, by)

    async def _final_judgement(self, mock: MockSession, index: int) -> None:
        ls = self.server
        r = mock.state["rounds"][index]
        path = r.get("path")
        if not path:
            return
        try:
            text = ls.document(from_fs_path(path) or path).source
        except (OSError, UnicodeDecodeError):
            return
        _, problem = ls.problem_of(text)
        if problem is None or problem.id != r["problem"]:
            return
        try:
            report = await judge(problem, text, path, ls.options)
        except JudgeError as exc:
            log.error("final judgement of round %d failed: %s", index + 1, exc)
            return
        r["verdict"], r["passed"], r["total"] = report.verdict.value, report.passed, report.total

    def changed(self, mock: MockSession, closed: list[int], by: str) -> dict[str, Any]:
        """Create the next round's file, store the state, notify the client; returns the event."""
        ls = self.server
        for i in closed:
            self._closed(mock, i, by)
        nxt = mock.current()
        if nxt is not None and not nxt["path"]:
            nxt["path"] = str(self._phase_file(mock, nxt))
        ls.save_mock()
        event: dict[str, Any] = {
            "event": "finished" if mock.finished else "roundClosed",
            "reason": by,
            "closed": closed,
            "status": mock.status(time.time()),
        }
        if mock.finished:
            event["report"] = mock.report()
        ls.protocol.notify(Notifications.MOCK_EVENT, event)
        ls.refresh_lenses()  # the lens above the round's entry point shows the clock
        if closed:
            names = ", ".join(_name(mock.state["rounds"][i]) for i in closed)
            follow = t("mock.over") if mock.finished else t("mock.next", title=nxt["title"]) if nxt else ""
            ls.notify_user(types.MessageType.Info, _closed_message(by, names, follow))
        self.schedule()
        return event

    def _phase_file(self, mock: MockSession, phase: dict[str, Any]) -> Path:
        """The file a phase is worked in: the solution file of a coding task, else the round's answer file."""
        ls = self.server
        folder = ls.solutions_folder() / f"mock-{mock.id}"
        folder.mkdir(parents=True, exist_ok=True)
        if phase.get("kind", "coding") != "coding":
            path = folder / answers.file_name(phase["round"])
            answers.write_sections(path, mock.state["title"], phase)
            return path
        path = folder / solution_name(phase["problem"])
        with contextlib.suppress(FileExistsError):
            create_solution(path, phase["problem"], ls.bank.get(phase["problem"]).starter)
        return path

    def _closed(self, mock: MockSession, index: int, by: str) -> None:
        """What a phase leaves when it closes: its answers read and checked; its cards and problem graded."""
        ls = self.server
        phase = mock.state["rounds"][index]
        kind = phase.get("kind", "coding")
        if kind == "coding":
            if phase.get("verdict") != "passed":
                review.after_giveup(ls, phase["problem"])  # not solved in the round (submitted, timed out, abandoned): Again
            else:
                used = (phase["closedAt"] or time.time()) - phase["startedAt"]
                review.grade_solved(ls, phase["problem"], phase["runs"], phase["hints"], used / mock.state.get("timeScale", 1.0))
            return
        text = ""
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = ls.document(from_fs_path(phase["path"]) or phase["path"]).source if phase.get("path") else ""
        found = answers.checked(phase, answers.parse(text, kind, len(phase["questions"])), ls.cards.cards)
        mock.record_answers(index, found)
        for entry in found:
            if entry["card"]:
                review.grade_card(ls, entry["card"], answers.rating(entry), entry["answer"], "mock interview")


def _closed_message(by: str, names: str, follow: str) -> str:
    """What the user is told when rounds close: by their time running out, a submit, or abandoning."""
    if by == "timeout":
        return t("mock.closed.timeout", names=names, follow=follow)
    if by == "submit":
        return t("mock.closed.submit", names=names, follow=follow)
    return t("mock.closed.abandoned", names=names, follow=follow)


def _name(phase: dict[str, Any]) -> str:
    kind = phase.get("kind", "coding")
    what = phase["problem"] if kind == "coding" else t("mock.kind.questions") if kind == "questions" else t("mock.kind.followups")
    return t("mock.roundName", n=phase.get("round", "?"), what=what)


# -- what a mock interview changes for other features ---------------------------------------------


def record_run(ls: MlKataServer, problem_id: str, report: dict[str, Any]) -> tuple[str | None, int | None, bool]:
    """Count a run in the running interview: (interview id, round index, overtime), or Nones."""
    mock = ls.mock
    where = mock.record_run(problem_id, report) if mock is not None else None
    if mock is None or where is None:
        return None, None, False
    ls.save_mock()
    return mock.id, where[0], where[1]


def record_hint(ls: MlKataServer, problem_id: str) -> None:
    """Count a hint taken during the running interview."""
    if ls.mock is not None:
        ls.mock.record_hint(problem_id)
        ls.save_mock()


def in_round_on(ls: MlKataServer, problem_id: str) -> bool:
    """True while the open phase of a running interview is the coding task of this problem."""
    mock = ls.mock
    return mock is not None and not mock.finished and (mock.current() or {}).get("problem") == problem_id


def lens_title(ls: MlKataServer, problem_id: str, now: float) -> str | None:
    """The clock shown above the entry point of the open round's problem, or None."""
    mock = ls.mock
    current = mock.current() if mock is not None else None
    if mock is None or current is None or current["problem"] != problem_id:
        return None
    left = int(mock.remaining(now))
    number, rounds = (
        current.get("round", (mock.current_index or 0) + 1),
        mock.state.get("interviewRounds", len(mock.state["rounds"])),
    )
    return t("mock.lens", number=number, rounds=rounds, clock=f"{left // 60}:{left % 60:02d}")


# -- commands -------------------------------------------------------------------------------------


def setup(server: MlKataServer) -> None:
    """The clock (resumed once the client is initialised) and the mock-interview commands."""
    clock = MockClock(server)
    server.on_initialized.append(clock.resume)

    def start_mock(ls: MlKataServer, params: StartMock) -> dict[str, Any]:
        """Start a mock interview: its first round's clock starts now and its file is created."""
        name = params.interview
        interview = ls.interviews.get(name) if name else None
        if name is None:
            raise JsonRpcInvalidParams(t("command.missingArgument", command=Commands.START_MOCK, name="interview"))
        if interview is None:
            known = ", ".join(ls.interviews) or "none"
            unknown = t("command.mock.unknownInterview", command=Commands.START_MOCK, name=repr(name), known=known)
            raise JsonRpcInvalidParams(unknown)
        if ls.mock is not None and not ls.mock.finished:
            title = repr(ls.mock.state["title"])
            raise JsonRpcInvalidParams(t("command.mock.stillRunning", command=Commands.START_MOCK, title=title))
        ls.mock = MockSession.start(interview, ls.bank, time.time(), params.time_scale, ls.cards.cards)
        return dict(clock.changed(ls.mock, [], "start")["status"])

    async def submit_round(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
        """Judge the open round's latest text, close the round and start the next one."""
        return await clock.close_round("submit")

    def abandon_mock(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
        """End the running mock interview now; returns its report."""
        mock = ls.mock
        if mock is None or mock.finished:
            raise JsonRpcInvalidParams(t("command.mock.noneRunning", command=Commands.ABANDON_MOCK))
        closed = [mock.current_index or 0]
        mock.abandon(time.time())
        return dict(clock.changed(mock, closed, "abandoned")["report"])

    register(
        server,
        {
            Commands.START_MOCK: start_mock,
            Commands.MOCK_STATUS: mock_status,
            Commands.SUBMIT_ROUND: submit_round,
            Commands.ABANDON_MOCK: abandon_mock,
            Commands.MOCK_REPORT: mock_report,
            Commands.ASK_INTERVIEWER: ask_interviewer,
            Commands.RATE_INTERVIEW: rate_interview,
        },
    )


def ask_interviewer(ls: MlKataServer, params: AskInterviewer) -> dict[str, Any]:
    """During a coding phase: the clarifying questions one may ask, or the interviewer's answer to one (recorded)."""
    name = Commands.ASK_INTERVIEWER
    mock = ls.mock
    phase = mock.current() if mock is not None else None
    if mock is None or phase is None or phase.get("kind", "coding") != "coding":
        raise JsonRpcInvalidParams(t("command.mock.notCoding", command=name))
    problem = ls.bank.get(phase["problem"])
    offered = problem.clarifications
    if params.question is None:
        listed = [{"index": n, "question": c.question, "kind": c.kind} for n, c in enumerate(offered, 1)]
        return {"problem": problem.id, "questions": listed, "asked": phase.get("asked", [])}
    if params.question > len(offered):
        raise JsonRpcInvalidParams(t("command.mock.questionRange", command=name, count=len(offered), got=params.question))
    chosen = offered[params.question - 1]
    mock.record_question(chosen.question, chosen.answer)
    ls.save_mock()
    return {"problem": problem.id, "question": chosen.question, "answer": chosen.answer, "heldBack": chosen.held_back}


def rate_interview(ls: MlKataServer, params: RateInterview) -> dict[str, Any]:
    """The candidate rates their own interview (1-5 each); returns the report with the rubric."""
    if ls.mock is None:
        raise JsonRpcInvalidParams(t("command.mock.noneYet", command=Commands.RATE_INTERVIEW))
    ls.mock.rate(attrs.asdict(params))
    ls.save_mock()
    return ls.mock.report()


def mock_status(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
    """The running mock interview (round, time left by the server's clock), or ``active: false``."""
    if ls.mock is None:
        return {"active": False, "now": time.time()}
    status = ls.mock.status(time.time())
    if ls.mock.finished:
        status["report"] = ls.mock.report()
    return status


def mock_report(ls: MlKataServer, params: MockRef) -> dict[str, Any]:
    """The report of a mock interview by ``id`` (default: the latest one of this server)."""
    if params.id is None:
        if ls.mock is None:
            raise JsonRpcInvalidParams(t("command.mock.noneYetPassId", command=Commands.MOCK_REPORT))
        return ls.mock.report()
    mock_id = params.id
    state = ls.record("the mock interview", lambda: ls.store.mock(mock_id))
    if state is None:
        raise JsonRpcInvalidParams(t("command.mock.unknown", command=Commands.MOCK_REPORT, id=repr(mock_id)))
    return MockSession(state).report()
