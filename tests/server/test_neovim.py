"""A second real LSP client: headless Neovim with the documented set-up shows the diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.conftest import ROOT, solution

pytestmark = pytest.mark.slow

NVIM = shutil.which("nvim")
REQUIRED = os.environ.get("MLKATA_REQUIRE_NVIM") == "1"

PROBE = """
vim.g.mlkata_python = {python}
vim.g.mlkata_settings = {{ databasePath = {db}, runOnSave = true }}
vim.cmd("luafile " .. {setup})
vim.cmd("edit " .. {file})
local ok = vim.wait(120000, function() return #vim.diagnostic.get(0) > 0 end, 200)
local out = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, {{ lnum = d.lnum, col = d.col, code = d.code, source = d.source, message = d.message }})
end
vim.fn.writefile({{ vim.fn.json_encode({{ ok = ok, diagnostics = out }}) }}, {result})
vim.cmd("qall!")
"""


def lua(s: str | Path) -> str:
    return json.dumps(str(s))


def run_probe(tmp_path: Path, template: str, **values: str | Path) -> dict:
    """Run a Lua probe in a headless Neovim with the documented set-up; what it wrote to its result file."""
    result = tmp_path / "result.json"
    probe = tmp_path / "probe.lua"
    fields = {"python": sys.executable, "db": tmp_path / "db.sqlite3", "setup": ROOT / "editors" / "neovim" / "mlkata.lua"}
    probe.write_text(template.format(result=lua(result), **{k: lua(v) for k, v in {**fields, **values}.items()}))
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    assert NVIM
    subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {probe}"], cwd=tmp_path, env=env, timeout=180, check=True)
    return dict(json.loads(result.read_text()))


@pytest.mark.skipif(NVIM is None and not REQUIRED, reason="nvim is not installed (CI installs it)")
def test_neovim_shows_the_hidden_test_failures(tmp_path: Path) -> None:
    assert NVIM, "nvim is required here (MLKATA_REQUIRE_NVIM=1)"
    text = solution("scaled-dot-product-attention", "missing_scale")
    file = tmp_path / "attention.py"
    file.write_text(text)
    got = run_probe(tmp_path, PROBE, file=file)
    assert got["ok"], "no diagnostics arrived in Neovim"
    codes = {d["code"] for d in got["diagnostics"]}
    assert codes == {"wrong_answer"} and {d["source"] for d in got["diagnostics"]} == {"mlkata"}
    def_line = next(i for i, line in enumerate(text.splitlines()) if line.startswith("def scaled_dot_product_attention"))
    assert {d["lnum"] for d in got["diagnostics"]} == {def_line}


REVIEW = """
vim.g.mlkata_python = {python}
vim.g.mlkata_settings = {{ databasePath = {db}, solutionsFolder = {work}, runOnSave = true }}
vim.cmd("luafile " .. {setup})
local out = {{}}
vim.cmd("MlKataReview")
out.opened = vim.wait(60000, function() return vim.api.nvim_buf_get_name(0):find("mlkata%-review") ~= nil end, 100)
out.first = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1]
vim.api.nvim_buf_set_lines(0, -1, -1, false, {{ {answer} }})
vim.cmd("MlKataReveal")
out.revealed = vim.wait(60000, function() return vim.api.nvim_buf_get_name(0):find("mlkata%-reveal") ~= nil end, 100)
out.shown = vim.api.nvim_buf_get_lines(0, 0, -1, false)
vim.cmd("MlKataGrade good")
out.graded = vim.wait(60000, function() return vim.g.mlkata_last_grade ~= nil end, 100)
out.grade = vim.g.mlkata_last_grade
vim.fn.writefile({{ vim.fn.json_encode(out) }}, {result})
vim.cmd("qall!")
"""


@pytest.mark.skipif(NVIM is None and not REQUIRED, reason="nvim is not installed (CI installs it)")
def test_neovim_reviews_a_card_through_the_servers_commands(tmp_path: Path) -> None:
    assert NVIM, "nvim is required here (MLKATA_REQUIRE_NVIM=1)"
    got = run_probe(tmp_path, REVIEW, work=tmp_path / "work", answer="It is about the variance, the softmax and the gradients.")
    assert got["opened"] and got["first"].startswith("<!-- mlkata-card: "), got
    assert got["revealed"] and "## Model answer" in got["shown"] and "## Key points" in got["shown"]
    assert got["graded"] and got["grade"]["grade"] == "good" and got["grade"]["status"]["due"] == 9
