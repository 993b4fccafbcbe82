"""Diagnostics as pure functions of a report and the text it was judged on.

One Error per failing test (tests failing identically share one), with the failing case as related
information; a Warning per user example whose output differs or that raised; an Error on the
marker naming an unknown problem; an Error on line 1 when the judge itself could not run.
Nothing here needs a running server: the document only converts columns to the client's encoding.
"""

from __future__ import annotations

import difflib
from typing import Any

from lsprotocol import types
from pygls.workspace import TextDocument

from mlkata.bank import Bank
from mlkata.binding import Binding
from mlkata.i18n import t
from mlkata.judge import locate
from mlkata.judge.verdict import Location, Report
from mlkata.server.protocol import SOURCE

RELATED_SHOWN = 24
"""At most this many lines of related information (the failing case) per diagnostic."""


def lsp_range(location: Location, lines: list[str], doc: TextDocument | None) -> types.Range:
    """The judge's 1-based character range as an LSP range in the client's position encoding."""

    def position(line: int, column: int) -> types.Position:
        if not lines:
            return types.Position(line=0, character=0)
        line = min(max(line, 1), len(lines))
        text = lines[line - 1]
        chars = min(max(column - 1, 0), len(text))
        units = doc.position_codec.client_num_units(text[:chars]) if doc is not None else chars
        return types.Position(line=line - 1, character=units)

    start = position(location.line, location.column)
    end = position(location.end_line, location.end_column)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


def report_diagnostics(report: Report, lines: list[str], doc: TextDocument | None, uri: str = "") -> list[types.Diagnostic]:
    """One Error diagnostic per failing test; tests failing identically share one diagnostic.

    The failing case (inputs, expected and got at the first mismatch, largest errors) is the
    diagnostic's related information, one entry per line, each at the diagnostic's own range.
    """
    groups: dict[tuple[Any, ...], list[str]] = {}
    details: dict[str, tuple[str, ...]] = {}
    for test in report.tests:
        if test.passed:
            continue
        groups.setdefault((test.verdict, test.message, test.location), []).append(test.name)
        details[test.name] = test.details
    out = []
    for (verdict, message, location), names in groups.items():
        rng = lsp_range(location or locate.whole_line(lines, 1), lines, doc)
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=rng), message=f"{name}: {line}" if len(names) > 1 else line
            )
            for name in names
            for line in details[name]
        ][:RELATED_SHOWN]
        who = _who(names, report.total)
        out.append(
            types.Diagnostic(
                range=rng,
                message=t("diag.failure", who=who, message=message or verdict.value),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
                code=verdict.value,
                data={"problem": report.problem, "tests": names, "verdict": verdict.value},
                related_information=related or None,
            )
        )
    out.extend(example_diagnostics(report, lines, doc))
    return out


def _who(names: list[str], total: int) -> str:
    if len(names) == total and len(names) > 1:
        return t("diag.who.all", n=len(names))
    return ", ".join(names)


def summary_diagnostics(report: Report) -> list[types.Diagnostic]:
    """Only how many hidden tests pass, on line 1 (mock interviews with details hidden); none when all pass."""
    if report.passed == report.total:
        return []
    return [
        types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=t("diag.summary", passed=report.passed, total=report.total),
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
            code="hidden_tests",
        )
    ]


def one_line(text: str, limit: int = 80) -> str:
    """Text on one line, shortened to limit characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def example_diagnostics(report: Report, lines: list[str], doc: TextDocument | None) -> list[types.Diagnostic]:
    """A Warning on each of the user's examples whose output differs from the expected one, or that raised."""
    out = []
    for e in report.examples:
        if e.verdict not in ("differs", "error"):
            continue
        line = e.example.line
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        loc = Location(line, len(text) - len(text.lstrip()) + 1, line, len(text.rstrip()) + 1)
        if e.verdict == "differs":
            got = one_line(e.output) or t("diag.example.nothing")
            message = t("diag.example.differs", expected=one_line(e.example.expected or ""), got=got)
        else:
            message = t("diag.example.raised", error=one_line(e.error, 200))
        out.append(
            types.Diagnostic(
                range=lsp_range(loc, lines, doc),
                message=message,
                severity=types.DiagnosticSeverity.Warning,
                source=SOURCE,
                code="example",
            )
        )
    return out


def unknown_problem_diagnostic(binding: Binding, bank: Bank) -> types.Diagnostic:
    """An Error on the marker's id naming the problem as unknown."""
    close = difflib.get_close_matches(binding.problem_id, list(bank.problems), n=3, cutoff=0.6)
    hint = t("diag.unknownProblem.didYouMean", names=", ".join(close[:3])) if close else t("diag.unknownProblem.openList")
    what = t("diag.unknownProblem", id=repr(binding.problem_id)) if binding.problem_id else t("diag.noProblemNamed")
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=0, character=binding.start),
            end=types.Position(line=0, character=max(binding.end, binding.start + 1)),
        ),
        message=t("diag.unknownProblem.message", what=what, n=len(bank.problems), hint=hint),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        code="unknown_problem",
    )


def judge_error_diagnostic(message: str) -> types.Diagnostic:
    """An Error on line 1 when the judge itself could not run (e.g. torch missing)."""
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        code="judge_error",
    )
