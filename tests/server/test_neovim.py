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


@pytest.mark.skipif(NVIM is None and not REQUIRED, reason="nvim is not installed (CI installs it)")
def test_neovim_shows_the_hidden_test_failures(tmp_path: Path) -> None:
    assert NVIM, "nvim is required here (MLKATA_REQUIRE_NVIM=1)"
    text = solution("scaled-dot-product-attention", "missing_scale")
    file = tmp_path / "attention.py"
    file.write_text(text)
    result = tmp_path / "result.json"
    probe = tmp_path / "probe.lua"
    probe.write_text(
        PROBE.format(
            python=lua(sys.executable),
            db=lua(tmp_path / "db.sqlite3"),
            setup=lua(ROOT / "editors" / "neovim" / "mlkata.lua"),
            file=lua(file),
            result=lua(result),
        )
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {probe}"], cwd=tmp_path, env=env, timeout=180, check=True)
    got = json.loads(result.read_text())
    assert got["ok"], "no diagnostics arrived in Neovim"
    codes = {d["code"] for d in got["diagnostics"]}
    assert codes == {"wrong_answer"} and {d["source"] for d in got["diagnostics"]} == {"mlkata"}
    def_line = next(i for i, line in enumerate(text.splitlines()) if line.startswith("def scaled_dot_product_attention"))
    assert {d["lnum"] for d in got["diagnostics"]} == {def_line}
