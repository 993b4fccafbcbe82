"""Every name the language server and the VS Code client must agree on, written once on this side.

The client's copy is ``client/src/protocol.ts``; ``tests/unit/test_protocol_agreement.py`` fails
when the two differ (a command, a notification or the binding marker's pattern).
"""

from __future__ import annotations

from mlkata.binding import MARKER_PATTERN

SOURCE = "mlkata"
"""``Diagnostic.source`` of every diagnostic the server publishes."""

CONFIG_SECTION = "mlkata"
"""The settings section the server asks the client for (``workspace/configuration``)."""


class Commands:
    """``workspace/executeCommand`` names the server handles (each takes one JSON object)."""

    LIST_PROBLEMS = "mlkata.listProblems"
    SHOW_STATEMENT = "mlkata.showStatement"
    OPEN_PROBLEM = "mlkata.openProblem"
    RUN_TESTS = "mlkata.runTests"
    NEXT_HINT = "mlkata.nextHint"
    FOLLOWUPS = "mlkata.followups"
    RESET_PROBLEM = "mlkata.resetProblem"
    LIST_ATTEMPTS = "mlkata.listAttempts"
    ATTEMPT_TEXT = "mlkata.attemptText"
    RESTORE_ATTEMPT = "mlkata.restoreAttempt"
    DEBUG_CASE = "mlkata.debugCase"
    PROGRESS = "mlkata.progress"
    START_MOCK = "mlkata.startMock"
    MOCK_STATUS = "mlkata.mockStatus"
    SUBMIT_ROUND = "mlkata.submitRound"
    ABANDON_MOCK = "mlkata.abandonMock"
    MOCK_REPORT = "mlkata.mockReport"
    ASK_INTERVIEWER = "mlkata.askInterviewer"
    RATE_INTERVIEW = "mlkata.rateInterview"
    REVIEW_STATUS = "mlkata.reviewStatus"
    REVIEW_NEXT = "mlkata.reviewNext"
    REVEAL_CARD = "mlkata.revealCard"
    GRADE_CARD = "mlkata.gradeCard"


class Notifications:
    """Notifications the server sends to the client."""

    MOCK_EVENT = "mlkata/mockEvent"
    """A mock interview changed (started, a round closed, finished, abandoned)."""
    RUN_FINISHED = "mlkata/runFinished"
    """A run's report (for the Testing view): ``{"uri", "title", "report"}``."""
    REVIEW_CHANGED = "mlkata/reviewChanged"
    """The review queue changed (a grade, a solve, a mistake): ``{"due", "next"}`` as ``reviewStatus`` answers."""


def names(group: type) -> dict[str, str]:
    """The constants of a group above: attribute name -> wire name."""
    return {k: v for k, v in vars(group).items() if k.isupper() and isinstance(v, str)}


__all__ = ["CONFIG_SECTION", "MARKER_PATTERN", "SOURCE", "Commands", "Notifications", "names"]
