"""Code lenses, hover and code actions: pure builders of what the editor shows, and their handlers.

Above the entry point: run the hidden tests (with the last score), the next hint, the statement,
and during a mock round its clock. Hovering the entry point or the marker shows the statement.
Each failing test named by one of our diagnostics gets a "Debug <test>" quick fix.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import attrs
from lsprotocol import types

from mlkata.bank import Problem
from mlkata.i18n import t
from mlkata.judge import locate
from mlkata.judge.verdict import Report
from mlkata.server import interviews
from mlkata.server.problems import statement
from mlkata.server.protocol import SOURCE, Commands
from mlkata.server.state import MlKataServer

DEBUG_ACTIONS = 5
"""At most this many "Debug <test>" actions per diagnostic."""


@attrs.frozen
class LensState:
    """What the lenses of one file show besides the problem: its last score, hints taken, the clock."""

    report: Report | None = None
    hints_taken: int = 0
    mock_round: str | None = None
    """The mock round's clock and submit title, when the open round is on this problem."""


def code_lenses(problem: Problem, text: str, uri: str, state: LensState) -> list[types.CodeLens]:
    """The lenses above the entry point (line 1 when it is not defined yet)."""
    where = locate.definition(text, problem.entry_point)
    line = where.line - 1 if where else 0
    rng = types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))
    report = state.report
    scored = report is not None and report.problem == problem.id
    run_title = t("lens.runScored", passed=report.passed, total=report.total) if report is not None and scored else t("lens.run")
    total = len(problem.hints)
    next_hint = min(state.hints_taken + 1, total)
    hint_title = t("lens.nextHint", n=next_hint, total=total) if state.hints_taken < total else t("lens.hintsAllShown")
    lenses = [
        types.CodeLens(
            range=rng,
            command=types.Command(title=run_title, command=Commands.RUN_TESTS, arguments=[{"uri": uri}]),
        ),
        types.CodeLens(
            range=rng, command=types.Command(title=hint_title, command=Commands.NEXT_HINT, arguments=[{"id": problem.id}])
        ),
        types.CodeLens(
            range=rng,
            command=types.Command(title=t("lens.statement"), command=Commands.SHOW_STATEMENT, arguments=[{"id": problem.id}]),
        ),
    ]
    if state.mock_round is not None:
        submit = types.Command(title=state.mock_round, command=Commands.SUBMIT_ROUND, arguments=[{}])
        lenses.insert(0, types.CodeLens(range=rng, command=submit))
    return lenses


def hover(problem: Problem, text: str, position: types.Position) -> types.Hover | None:
    """The statement, when hovering the entry point's name or the marker line."""
    where = locate.definition(text, problem.entry_point)
    on_marker = position.line == 0
    on_entry = where is not None and position.line == where.line - 1
    if not (on_marker or on_entry):
        return None
    p = problem
    topics = ", ".join(p.topics)
    meta = t("hover.meta", difficulty=p.difficulty, topics=topics, minutes=p.suggested_minutes, tests=len(p.test_names))
    text, _ = statement(p)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=f"{meta}\n\n{text}"))


def code_actions(uri: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """A "Debug <test>" action for each failing test named by one of our diagnostics."""
    actions = []
    for diag in diagnostics:
        data = diag.data if isinstance(diag.data, dict) else {}
        if diag.source != SOURCE or data.get("verdict") in (None, "syntax_error", "forbidden_api"):
            continue
        for test in list(data.get("tests") or [])[:DEBUG_ACTIONS]:
            title = t("action.debugCase", test=test)
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title=title, command=Commands.DEBUG_CASE, arguments=[{"uri": uri, "test": test}]),
                )
            )
    return actions


def _bound(ls: MlKataServer, uri: str) -> tuple[Problem, str] | None:
    try:
        text = ls.document(uri).source
    except (OSError, UnicodeDecodeError):
        return None
    _, problem = ls.problem_of(text)
    return (problem, text) if problem is not None else None


def _other_lenses(ls: MlKataServer, uri: str) -> list[types.CodeLens]:
    """The lenses other features give documents that are not solution files (e.g. review answers)."""
    if not ls.lens_providers:
        return []
    try:
        text = ls.document(uri).source
    except (OSError, UnicodeDecodeError):
        return []
    return [lens for provider in ls.lens_providers for lens in provider(uri, text)]


def setup(server: MlKataServer) -> None:
    """Answer code lens, hover and code action requests for bound files (and other features' documents)."""

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: MlKataServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        uri = params.text_document.uri
        bound = _bound(ls, uri)
        if bound is None:
            return _other_lenses(ls, uri)
        problem, text = bound
        taken = ls.record("hints", lambda: ls.store.hints_taken(problem.id)) or 0
        state = LensState(ls.reports.get(uri), taken, interviews.lens_title(ls, problem.id, time.time()))
        return code_lenses(problem, text, uri, state)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: MlKataServer, params: types.HoverParams) -> types.Hover | None:
        bound = _bound(ls, params.text_document.uri)
        return hover(bound[0], bound[1], params.position) if bound is not None else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: MlKataServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(params.text_document.uri, params.context.diagnostics)
