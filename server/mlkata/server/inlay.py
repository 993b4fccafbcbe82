"""Inlay hints: what each of the user's ``>>>`` examples showed, at the end of the example."""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import TextDocument

from mlkata.i18n import t
from mlkata.judge.verdict import Location, Report
from mlkata.server.diagnostics import lsp_range, one_line
from mlkata.server.state import MlKataServer


def example_hints(report: Report | None, doc: TextDocument, visible: types.Range) -> list[types.InlayHint]:
    """What each of the user's examples showed, at the end of its last ``>>>``/``...`` line."""
    if report is None:
        return []
    lines = doc.source.splitlines()
    hints = []
    for e in report.examples:
        last = e.example.last_line
        if not (0 < e.example.line <= len(lines) and 0 < last <= len(lines)) or ">>>" not in lines[e.example.line - 1]:
            continue  # the text moved since the run: the next run places it again
        if not visible.start.line <= last - 1 <= visible.end.line:
            continue
        shown = e.error or e.output or t("inlay.nothing")
        label = f"→ {one_line(shown)}"
        if e.verdict == "matches":
            label += "  ✓"
        elif e.verdict == "differs":
            label += "  " + t("inlay.expected", expected=one_line(e.example.expected or "", 40))
        end = lsp_range(Location(last, len(lines[last - 1]) + 1, last, len(lines[last - 1]) + 1), lines, doc).end
        hints.append(
            types.InlayHint(
                position=end,
                label=label,
                padding_left=True,
                tooltip=types.MarkupContent(kind=types.MarkupKind.PlainText, value=shown),
            )
        )
    return hints


def setup(server: MlKataServer) -> None:
    """Answer ``textDocument/inlayHint`` from the document's latest report."""

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    def inlay_hint(ls: MlKataServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        uri = params.text_document.uri
        if not ls.is_open(uri):
            return []
        return example_hints(ls.reports.get(uri), ls.document(uri), params.range)
