"""End to end over stdio: every command, code lens, hover, and bad arguments answered with errors."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import client_capabilities
from pytest_lsp.client import make_test_lsp_client

from tests.server.conftest import Client, solution, start_server

pytestmark = pytest.mark.slow


@pytest.mark.fast
async def test_list_problems_with_metadata_and_interviews(shared_server: Client) -> None:
    reply = await shared_server.command("mlkata.listProblems")
    problems = {p["id"]: p for p in reply["problems"]}
    assert len(problems) >= 15 and reply["errors"] == []
    mha = problems["multi-head-attention"]
    assert mha["difficulty"] in ("easy", "medium", "hard") and "attention" in mha["topics"]
    assert mha["solved"] is False and mha["bestSeconds"] is None and mha["suggestedMinutes"] > 0
    assert Path(mha["statementPath"]).is_file()
    # The Problems view groups by the catalogue's area: its title and its place in the catalogue's order.
    assert (mha["area"], mha["areaTitle"], mha["areaRank"]) == ("transformers", "Transformer internals", 0)
    assert problems["coin-change" if "coin-change" in problems else "edit-distance"]["areaTitle"] == "Algorithms"
    assert len(reply["interviews"]) >= 3
    assert all(1 <= len(i["rounds"]) <= 3 for i in reply["interviews"])


async def test_open_problem_creates_the_file_once_and_never_overwrites(server: Client) -> None:
    first = await server.command("mlkata.openProblem", {"id": "layer-norm"})
    path = Path(first["path"])
    assert first["created"] is True and path.parent == server.home / "work"
    assert (server.home / "work" / ".mlkata").is_dir(), "the practice folder's marker (workspaceContains:.mlkata)"
    assert path.read_text().startswith("# mlkata: layer-norm\n")
    assert Path(first["statementPath"]).read_text().startswith("#")
    path.write_text("# mlkata: layer-norm\n# my work in progress\n")
    again = await server.command("mlkata.openProblem", {"id": "layer-norm"})
    assert again == {**first, "created": False}
    assert path.read_text() == "# mlkata: layer-norm\n# my work in progress\n"
    (server.home / "work" / "rms_norm.py").write_text("# someone else's file\n")
    other = await server.command("mlkata.openProblem", {"id": "rms-norm"})
    assert other["created"] is True and Path(other["path"]).name == "rms_norm_2.py"
    assert (server.home / "work" / "rms_norm.py").read_text() == "# someone else's file\n"


async def test_run_tests_returns_per_test_results_and_the_lens_shows_the_score(server: Client) -> None:
    text = solution("longest-common-subsequence", "greedy_two_pointer")
    uri = server.write("lcs.py", text)
    server.open(uri, text)
    reply = await server.command("mlkata.runTests", {"uri": uri})
    assert reply["problem"] == "longest-common-subsequence" and reply["verdict"] == "wrong_answer"
    assert reply["total"] == len(reply["tests"]) and 0 < reply["passed"] < reply["total"]
    failing = [t for t in reply["tests"] if t["verdict"] != "passed"]
    def_line = next(i for i, line in enumerate(text.splitlines()) if line.startswith("def longest_common_subsequence"))
    assert failing[0]["line"] == def_line + 1 and failing[0]["message"]
    lenses = await server.lsp.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert lenses is not None
    titles = [lens.command.title for lens in lenses if lens.command]
    assert titles[0] == f"Run hidden tests ({reply['passed']}/{reply['total']} passed)"
    finished = await server.wait_for(lambda: [r for r in server.runs if r["uri"] == uri], 10, "the run notification")
    assert finished[-1]["report"] == {k: v for k, v in reply.items() if k not in ("title", "uri")}
    assert titles[1].startswith("Next hint (1/") and titles[2] == "Show statement"
    assert {lens.range.start.line for lens in lenses} == {def_line}
    assert lenses[0].command is not None and lenses[0].command.command == "mlkata.runTests"


@pytest.mark.fast
async def test_hover_on_the_entry_point_shows_the_statement(shared_server: Client) -> None:
    text = solution("rms-norm", "llama_style")
    uri = shared_server.write("rms.py", text)
    shared_server.open(uri, text)
    row = next(i for i, line in enumerate(text.splitlines()) if line.startswith("class RMSNorm"))
    hover = await shared_server.lsp.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row, character=8))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    statement = (Path(__file__).parents[2] / "problems" / "rms-norm" / "statement.md").read_text()
    assert statement.strip() in hover.contents.value
    elsewhere = await shared_server.lsp.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row + 3, character=4))
    )
    assert elsewhere is None


async def test_hints_are_progressive_and_run_out(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache, hintAfterFailedRuns=0, hintAfterMinutes=0) as server:
        seen = []
        while True:
            reply = await server.command("mlkata.nextHint", {"id": "number-of-islands"})
            if reply["exhausted"]:
                break
            seen.append(reply["hint"]["title"])
            assert reply["index"] == len(seen) and len(reply["revealed"]) == len(seen)
        assert 2 <= len(seen) == reply["total"] <= 3
        assert [h["title"] for h in reply["revealed"]] == seen


async def test_hints_are_earned_by_failed_runs(server: Client) -> None:
    first = await server.command("mlkata.nextHint", {"id": "matrix-multiply"})
    assert first["index"] == 1 and first["hint"] is not None
    locked = await server.command("mlkata.nextHint", {"id": "matrix-multiply"})
    assert locked["index"] == 1 and locked["hint"] is None
    assert locked["locked"] == "hint 2 unlocks after 1 more failed run or 5 more minutes of work"
    wrong = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return [[0.0]]\n"
    uri = server.write("earn_hint.py", wrong)
    server.open(uri, wrong)
    await server.diagnostics_after(uri, 0)
    second = await server.command("mlkata.nextHint", {"id": "matrix-multiply"})
    assert second["index"] == 2 and second["hint"]["title"] == second["revealed"][1]["title"]


async def test_followups_only_after_a_pass_or_a_give_up(server: Client) -> None:
    with pytest.raises(JsonRpcException, match="solve median-of-two-sorted-arrays first"):
        await server.command("mlkata.followups", {"id": "median-of-two-sorted-arrays"})
    gave_up = await server.command("mlkata.followups", {"id": "median-of-two-sorted-arrays", "giveUp": True})
    assert gave_up["followups"] and gave_up["followups"][0]["question"] and gave_up["solution"]
    assert await server.command("mlkata.followups", {"id": "median-of-two-sorted-arrays"}) == gave_up

    text = solution("longest-common-subsequence", "rolling_row")
    uri = server.write("lcs_ok.py", text)
    server.open(uri, text)
    assert (await server.command("mlkata.runTests", {"uri": uri}))["verdict"] == "passed"
    solved = await server.command("mlkata.followups", {"id": "longest-common-subsequence"})
    assert solved["followups"]
    progress = await server.command("mlkata.progress")
    assert progress["solved"] == 1 and progress["counts"]["giveups"] == 1
    assert progress["byDifficulty"][solved_difficulty(await server.command("mlkata.listProblems"))]["solved"] == 1
    assert progress["streakDays"] == 1 and progress["recentRuns"][0]["verdict"] == "passed"


def solved_difficulty(listing: dict[str, Any]) -> str:
    return next(p["difficulty"] for p in listing["problems"] if p["id"] == "longest-common-subsequence")


async def test_reset_keeps_the_old_file_and_the_unsaved_text_as_backups(server: Client) -> None:
    opened = await server.command("mlkata.openProblem", {"id": "matrix-multiply"})
    path = Path(opened["path"])
    saved = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return 'saved attempt'\n"
    unsaved = saved.replace("saved attempt", "unsaved attempt")
    path.write_text(saved)
    server.open(opened["uri"], unsaved)
    reply = await server.command("mlkata.resetProblem", {"uri": opened["uri"]})
    backups = [Path(b) for b in reply["backups"]]
    assert [b.read_text() for b in backups] == [saved, unsaved]
    assert all(b.parent == path.parent / ".mlkata-backups" for b in backups)
    assert path.read_text().startswith("# mlkata: matrix-multiply\n") and "raise NotImplementedError" in path.read_text()


@pytest.mark.fast
async def test_show_statement_by_id_and_by_file(shared_server: Client) -> None:
    by_id = await shared_server.command("mlkata.showStatement", {"id": "dpo-loss"})
    assert by_id["markdown"].startswith("#") and Path(by_id["path"]).is_file()
    uri = shared_server.write("dpo.py", "# mlkata: dpo-loss\n")
    assert await shared_server.command("mlkata.showStatement", {"uri": uri}) == by_id


@pytest.mark.fast
@pytest.mark.parametrize(
    ("command", "args", "message"),
    [
        ("mlkata.noSuchCommand", [], "not defined"),
        ("mlkata.openProblem", [{"id": "no-such-problem"}], "unknown problem 'no-such-problem'"),
        ("mlkata.openProblem", [{"id": 42}], "argument 'id' must be a non-empty string, got int 42"),
        ("mlkata.openProblem", [{}], "argument 'id' must be a non-empty string, got nothing"),
        ("mlkata.openProblem", [1, 2], "expected one object argument"),
        ("mlkata.showStatement", [["layer-norm"]], "expected one object argument"),
        ("mlkata.nextHint", [{"uri": "file:///nowhere/missing.py"}], "does not exist"),
        ("mlkata.runTests", [{"uri": 7}], "argument 'uri' must be a non-empty string"),
        ("mlkata.followups", [{"id": "layer-norm", "giveUp": "yes"}], "'giveUp' must be true or false"),
        ("mlkata.startMock", [{"interview": "no-such-interview"}], "unknown interview"),
        ("mlkata.startMock", [{"interview": "llm-inference", "timeScale": -1}], "'timeScale' must be a number"),
        ("mlkata.submitRound", [], "no mock interview is running"),
        ("mlkata.abandonMock", [], "no mock interview is running"),
        ("mlkata.mockReport", [{"id": "nope"}], "no mock interview 'nope'"),
    ],
)
async def test_bad_arguments_are_answered_with_an_lsp_error(
    shared_server: Client, command: str, args: list[Any], message: str
) -> None:
    with pytest.raises(JsonRpcException, match=message):
        await shared_server.lsp.workspace_execute_command_async(types.ExecuteCommandParams(command=command, arguments=args))
    assert (await shared_server.command("mlkata.mockStatus"))["active"] is False, "the shared_server still answers"


@pytest.mark.fast
async def test_run_tests_on_an_unbound_file_is_an_error(shared_server: Client) -> None:
    uri = shared_server.write("plain.py", "x = 1\n")
    with pytest.raises(JsonRpcException, match="not bound to a problem"):
        await shared_server.command("mlkata.runTests", {"uri": uri})


async def test_user_problem_folders_and_on_type_runs_from_settings(tmp_path: Path, reference_cache: Path) -> None:
    custom = tmp_path / "custom"
    shutil.copytree(Path(__file__).parents[2] / "problems" / "matrix-multiply", custom / "my-matmul")
    toml = custom / "my-matmul" / "problem.toml"
    toml.write_text(toml.read_text().replace('id = "matrix-multiply"', 'id = "my-matmul"'))
    (custom / "broken").mkdir()
    (custom / "broken" / "problem.toml").write_text("id = [")
    async with start_server(tmp_path / "home", reference_cache) as server:
        assert "my-matmul" not in {p["id"] for p in (await server.command("mlkata.listProblems"))["problems"]}
        server.lsp.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(
                settings={"mlkata": {"problemsFolders": [str(custom)], "runOnType": True, "debounceMs": 100}}
            )
        )
        listing = await server.command("mlkata.listProblems")
        ids = {p["id"] for p in listing["problems"]}
        assert "my-matmul" in ids and "matrix-multiply" in ids, "one broken problem hides no other"
        assert any("broken" in e and "problem.toml" in e for e in listing["errors"])
        assert any("problem skipped" in m.message and "broken" in m.message for m in server.lsp.messages)

        text = solution("matrix-multiply", "transposed_result").replace("# mlkata: matrix-multiply", "# mlkata: my-matmul")
        uri = server.write("mine.py", "# mlkata: my-matmul\n")
        server.open(uri, "# mlkata: my-matmul\n")
        await server.diagnostics_after(uri, 0)
        count = len(server.publishes(uri))
        server.versions[uri] += 1
        server.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=server.versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        diags = await server.diagnostics_after(uri, count)
        assert diags and diags[0].code == "wrong_answer", "a change without a save is judged when runOnType is on"
        assert server.publishes(uri)[-1].version == server.versions[uri]


async def test_mlkata_serve_is_the_same_server(tmp_path: Path) -> None:
    lsp = make_test_lsp_client()
    await lsp.start_io(sys.executable, "-m", "mlkata", "serve", env={**os.environ, "HOME": str(tmp_path)})
    try:
        result = await lsp.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities("neovim"),
                initialization_options={"databasePath": str(tmp_path / "db.sqlite3")},
            )
        )
        assert result.server_info is not None and result.server_info.name == "mlkata"
        reply = await lsp.workspace_execute_command_async(types.ExecuteCommandParams(command="mlkata.listProblems"))
        assert len(reply["problems"]) >= 15
    finally:
        await asyncio.wait_for(lsp.shutdown_session(), 20)
        await lsp.stop()


async def test_settings_are_pulled_when_the_change_notification_carries_none(server: Client) -> None:
    server.lsp.set_configuration({"timeMultiplier": "slow", "runOnSave": False}, section="mlkata")
    server.lsp.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await server.wait_for(lambda: any("timeMultiplier" in m.message for m in server.lsp.messages), 20, "the warning")
    text = solution("longest-common-subsequence", "rolling_row")
    uri = server.write("quiet.py", text)
    server.open(uri, text)
    await asyncio.sleep(3)  # a run of this pure-Python problem publishes within about a second
    assert server.publishes(uri) == [], "runOnSave=false was applied: opening runs nothing"


async def test_attempts_are_kept_listed_and_restored_byte_for_byte(server: Client) -> None:
    first = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return [[0.0]]  # first try, tab\there, é\n"
    second = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return [[1.0]]  # second try\r\n"
    unsaved = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return None  # never run\n"
    uri = server.write("attempts.py", first)
    server.open(uri, first)
    await server.diagnostics_after(uri, 0)
    version = server.save(uri, second)
    await server.wait_for(lambda: any(p.version == version for p in server.publishes(uri)), 90, "the second run")
    listed = await server.command("mlkata.listAttempts", {"uri": uri})
    hashes = [a["hash"] for a in listed["attempts"]]
    assert len(hashes) == 2 and listed["attempts"][0]["verdict"] == "wrong_answer"
    assert (await server.command("mlkata.attemptText", {"hash": hashes[1]}))["text"] == first

    server.versions[uri] += 1  # an edit that is never saved nor run
    server.lsp.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=server.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=unsaved)],
        )
    )
    reply = await server.command("mlkata.restoreAttempt", {"uri": uri, "hash": hashes[1]})
    edits = await server.wait_for(lambda: server.edits, 10, "the restoring edit")
    (change,) = edits[-1].edit.changes[uri]
    assert change.new_text == first and change.new_text.encode() == first.encode()
    assert (await server.command("mlkata.attemptText", {"hash": reply["kept"]}))["text"] == unsaved
    after = await server.command("mlkata.listAttempts", {"id": "matrix-multiply"})
    assert after["attempts"][0] == {**after["attempts"][0], "hash": reply["kept"], "kind": "snapshot"}
    assert {a["hash"] for a in after["attempts"]} == {*hashes, reply["kept"]}
    with pytest.raises(JsonRpcException, match="no attempt"):
        await server.command("mlkata.restoreAttempt", {"uri": uri, "hash": "0" * 64})
