"""The user's own examples over LSP: their output as inlay hints, a differing one as a warning."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.server.conftest import Client, solution

pytestmark = pytest.mark.slow

EXAMPLES = """
# >>> longest_common_subsequence("abcde", "ace")
# 3
# >>> longest_common_subsequence("abc", "abc")
# 4
# >>> longest_common_subsequence("", "xyz")
"""


async def test_example_outputs_appear_as_inlay_hints_with_their_verdict(server: Client) -> None:
    text = solution("longest-common-subsequence", "rolling_row").rstrip("\n") + "\n" + EXAMPLES
    lines = text.splitlines()
    uri = server.write("lcs_examples.py", text)
    server.open(uri, text)
    diags = await server.diagnostics_after(uri, 0)
    await server.wait_for(lambda: server.hint_refreshes, 30, "an inlay hint refresh after the run")
    # The hidden tests pass; only the example whose expected output differs is flagged.
    assert [(d.code, d.severity, d.message) for d in diags] == [
        ("example", types.DiagnosticSeverity.Warning, "example: expected 4, got 3")
    ]
    wrong_line = next(i for i, line in enumerate(lines) if '("abc", "abc")' in line)
    assert diags[0].range.start.line == wrong_line

    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=len(lines), character=0))
    hints = await server.lsp.text_document_inlay_hint_async(
        types.InlayHintParams(text_document=types.TextDocumentIdentifier(uri=uri), range=everything)
    )
    shown = {h.position.line: h.label for h in hints or []}
    assert shown == {
        wrong_line - 2: "→ 3  ✓",
        wrong_line: "→ 3  ✗ expected 4",
        wrong_line + 2: "→ 0",
    }
    assert all(h.position.character == len(lines[h.position.line]) for h in hints or [])
