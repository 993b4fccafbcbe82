"""The server speaks the editor's display language (``initialize``'s ``locale``): diagnostics, lenses and
translated statements in Chinese for a Chinese editor, and exactly as before in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from tests.server.conftest import ROOT, Client, solution, start_server

STATEMENTS = ROOT / "problems" / "scaled-dot-product-attention"


async def _judged(client: Client, name: str) -> tuple[list[types.Diagnostic], list[str]]:
    """Open the greedy coin-change solution; its diagnostics once judged, and the lens titles after."""
    text = solution("coin-change", "greedy_largest_first")
    uri = client.write(name, text)
    before = len(client.publishes(uri))
    client.open(uri, text)
    diagnostics = await client.diagnostics_after(uri, before)
    await client.wait_for(lambda: [r for r in client.runs if r["uri"] == uri], 30, "the run notification")
    lenses = await client.lsp.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    return diagnostics, [lens.command.title for lens in lenses or [] if lens.command]


def _greedy(diagnostics: list[types.Diagnostic]) -> types.Diagnostic:
    return next(d for d in diagnostics if d.data and "greedy_largest_first_fails" in d.data["tests"])


async def test_a_chinese_editor_gets_chinese_diagnostics_lenses_and_statements(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache, locale="zh-CN") as client:
        diagnostics, titles = await _judged(client, "coins.py")
        greedy = _greedy(diagnostics)
        assert greedy.message == "greedy_largest_first_fails：coin_change([1, 3, 4], 6)：期望 2，实际得到 3"
        related = [r.message for r in greedy.related_information or []]
        assert related[-3:] == ["调用：coin_change([1, 3, 4], 6)", "期望：2", "实际：3"]
        assert titles[0].startswith("运行隐藏测试（已通过 ") and titles[2] == "查看题面"
        shown = await client.command("mlkata.showStatement", {"id": "scaled-dot-product-attention"})
        assert shown["path"] == str(STATEMENTS / "statement.zh-cn.md")
        assert shown["markdown"] == (STATEMENTS / "statement.zh-cn.md").read_text(encoding="utf-8")
        listed = {p["id"]: p for p in (await client.command("mlkata.listProblems"))["problems"]}
        assert listed["multi-head-attention"]["areaTitle"] == "Transformer 内部结构"  # the Problems view's sections
        untranslated = await client.command("mlkata.showStatement", {"id": "coin-change"})
        assert untranslated["markdown"].startswith("# Coin change")  # no translation: the English statement
        uri = client.write("attention.py", "# mlkata: scaled-dot-product-attention\n")  # not opened: nothing is judged
        where = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=3)
        )
        hover = await client.lsp.text_document_hover_async(where)
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "个隐藏测试*" in hover.contents.value and shown["markdown"] in hover.contents.value


@pytest.mark.fast
async def test_an_english_editor_gets_english_messages_and_statements(shared_server: Client) -> None:
    diagnostics, titles = await _judged(shared_server, "coins-en.py")
    assert _greedy(diagnostics).message == "greedy_largest_first_fails: coin_change([1, 3, 4], 6): expected 2, got 3"
    assert titles[0].startswith("Run hidden tests (") and titles[2] == "Show statement"
    shown = await shared_server.command("mlkata.showStatement", {"id": "scaled-dot-product-attention"})
    assert shown["path"] == str(STATEMENTS / "statement.md")
