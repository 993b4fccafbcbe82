"""The human table of a report, as ``mlkata check`` and ``mlkata watch`` print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlkata.judge.verdict import Report

SYMBOLS = {"passed": "PASS", "not_implemented": "TODO"}


def format_report(report: Report, path: str) -> str:
    """The human table of a report."""
    lines = [f"{report.problem}  {path}"]
    width = max((len(t.name) for t in report.tests), default=4)
    for t in report.tests:
        mark = SYMBOLS.get(t.verdict.value, "FAIL")
        where = f"line {t.location.line}: " if t.location else ""
        detail = f"  {where}{t.message}" if t.message else ""
        lines.append(f"  {mark:<4}  {t.name:<{width}}  {t.verdict.value:<15} {t.duration_ms:7.1f} ms{detail}")
        lines.extend(f"{'':>{width + 8}}| {line}" for line in t.details)
    lines.append(f"{report.passed}/{report.total} passed - verdict: {report.verdict.value}")
    if report.examples:
        lines.append(f"your examples ({len(report.examples)}):")
    for e in report.examples:
        lines.append(f"  line {e.example.line}: >>> {e.example.source.splitlines()[0]}")
        lines.extend(f"      {line}" for line in (e.error or e.output).splitlines() or [""])
        if e.verdict == "differs":
            lines.append(f"      ^ differs from the expected output: {e.example.expected!r}")
        elif e.verdict == "matches":
            lines.append("      ^ matches the expected output")
    return "\n".join(lines)
