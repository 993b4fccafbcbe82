"""Debug this case: a code action on a failing diagnostic writes a script that reproduces the failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Union

import pytest
from lsprotocol import types

from mlkata.bank import load_bank
from tests.server.conftest import Client, solution

pytestmark = pytest.mark.slow

BANK = load_bank()


def fix_code_action_parsing(client: Client) -> None:
    """lsprotocol reads any code action that has a ``command`` as a Command (it checks the key, not
    its type): read it as a CodeAction when its command is an object, as LSP clients do."""
    converter = client.lsp.protocol._converter

    def structure(obj: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007


def reference_lines(problem_id: str) -> list[str]:
    """The reference solution's lines that say something (no blank, comment or bare keyword lines)."""
    lines = [line.strip() for line in BANK.get(problem_id).solution.splitlines()]
    tests = BANK.get(problem_id).tests_source
    return [
        line for line in lines if len(line) > 12 and not line.startswith(("#", '"""', "import ", "from ")) and line not in tests
    ]


@pytest.mark.parametrize(
    ("problem_id", "mistake", "needle"),
    [
        ("multi-head-attention", "missing_scale", "out: max abs error"),
        ("longest-common-subsequence", "greedy_two_pointer", "expected 3, got 1"),
    ],
)
async def test_the_debug_action_writes_a_script_that_reproduces_the_failure(
    server: Client, problem_id: str, mistake: str, needle: str
) -> None:
    fix_code_action_parsing(server)
    wrong = solution(problem_id, mistake)
    uri = server.write(f"{problem_id}.py", wrong)
    server.open(uri, wrong)
    diags = await server.diagnostics_after(uri, 0)
    diag = next(d for d in diags if d.code == "wrong_answer")
    actions = await server.lsp.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    assert actions, "a failing diagnostic offers a debug action"
    action = actions[0]
    assert isinstance(action, types.CodeAction) and action.command is not None
    test = diag.data["tests"][0]
    assert action.title.startswith(f"Debug {test}")
    assert action.command.command == "mlkata.debugCase"

    result = await server.command(action.command.command, *action.command.arguments)
    script = Path(result["path"])
    assert script.parent == server.home / "work" / ".mlkata"
    text = script.read_text()
    leaked = [line for line in reference_lines(problem_id) if line in text]
    assert not leaked, f"the script contains the reference's code: {leaked}"
    run = subprocess.run([result["python"], str(script)], capture_output=True, text=True, timeout=120, cwd=script.parent)
    assert run.returncode == 1, run.stderr
    assert f"FAIL {test}: " in run.stdout and needle in run.stdout, run.stdout

    # Fixed on disk, the same script now passes: it runs the file, not a copy.
    right = solution(problem_id, "rolling_row" if problem_id == "longest-common-subsequence" else "einsum_fused_softmax")
    (server.home / "work" / f"{problem_id}.py").write_text(right)
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=script.parent)
    assert run.returncode == 0 and f"PASS {test}" in run.stdout, run.stdout + run.stderr


async def test_debug_case_names_an_unknown_test(server: Client) -> None:
    wrong = solution("longest-common-subsequence", "greedy_two_pointer")
    uri = server.write("lcs_unknown.py", wrong)
    server.open(uri, wrong)
    with pytest.raises(Exception, match="did you mean 'greedy_matching_fails'"):
        await server.command("mlkata.debugCase", {"uri": uri, "test": "greedy_matching"})
