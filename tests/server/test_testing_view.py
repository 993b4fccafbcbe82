"""What the Testing view asks of the server: a re-run of some hidden tests, and a wrong answer's expected/actual values."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.server.conftest import Client, solution

pytestmark = pytest.mark.slow

PROBLEM = "longest-common-subsequence"


def edit(server: Client, uri: str, text: str) -> None:
    """Change the document's text without saving it (no run starts)."""
    server.versions[uri] += 1
    server.lsp.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=server.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def failing_names(report: dict[str, Any]) -> list[str]:
    return [t["name"] for t in report["tests"] if t["verdict"] != "passed"]


async def test_a_rerun_of_one_test_judges_only_it_and_the_others_keep_their_results(server: Client) -> None:
    wrong = solution(PROBLEM, "greedy_two_pointer")
    uri = server.write("lcs.py", wrong)
    server.open(uri, wrong)
    await server.wait_for(lambda: server.runs, 120, "the run on open")
    first = server.runs[-1]["report"]
    failing = failing_names(first)
    assert first["partial"] is False and len(failing) >= 2, first

    edit(server, uri, wrong + "\n# an edit judged by the re-run only\n")
    published = len(server.publishes(uri))
    reply = await server.command("mlkata.runTests", {"uri": uri, "tests": [failing[-1]]})
    assert reply["partial"] is True and [t["name"] for t in reply["tests"]] == [failing[-1]]
    assert (reply["total"], reply["passed"]) == (1, 0)
    notified = server.runs[-1]["report"]
    assert notified["partial"] is True and [t["name"] for t in notified["tests"]] == [failing[-1]]

    # The diagnostics still show every failing test: those not re-run keep their last results.
    diagnostics = await server.diagnostics_after(uri, published)
    named = {name for d in diagnostics if d.data for name in d.data["tests"]}
    assert set(failing) <= named, (failing, named)
    # A re-run is not an attempt: only the whole run on open is in the progress database.
    attempts = (await server.command("mlkata.listAttempts", {"uri": uri}))["attempts"]
    assert len(attempts) == 1

    whole = await server.command("mlkata.runTests", {"uri": uri})
    assert whole["partial"] is False and whole["total"] == len(first["tests"])
    assert len((await server.command("mlkata.listAttempts", {"uri": uri}))["attempts"]) == 2


async def test_a_wrong_answer_carries_its_expected_and_actual_values(shared_server: Client) -> None:
    wrong = solution(PROBLEM, "greedy_two_pointer")
    uri = shared_server.write("lcs-values.py", wrong)
    shared_server.open(uri, wrong)
    report = await shared_server.wait_for(
        lambda: next((r["report"] for r in shared_server.runs if r["uri"] == uri), None), 120, "the run on open"
    )
    tests = {t["name"]: t for t in report["tests"]}
    greedy = tests["greedy_matching_fails"]
    assert greedy["expected"].splitlines()[:2] == ["[", "  longest_common_subsequence('xaby', 'abyx') -> 3,"]
    assert greedy["actual"].splitlines()[1] == "  longest_common_subsequence('xaby', 'abyx') -> 1,"
    assert "expected" not in tests["classic_examples"], "a passing test has no values"


@pytest.mark.parametrize(
    ("tests", "error"),
    [
        ([], "argument 'tests' must be a non-empty list of hidden test names"),
        (["greedy_matching_fail"], "has no hidden test 'greedy_matching_fail': did you mean 'greedy_matching_fails'"),
        ("greedy_matching_fails", "argument 'tests' must be a non-empty list of hidden test names"),
    ],
)
async def test_a_bad_test_filter_is_an_error_naming_it(shared_server: Client, tests: Any, error: str) -> None:
    text = solution(PROBLEM, "greedy_two_pointer")
    uri = shared_server.write("lcs-filter.py", text)
    with pytest.raises(JsonRpcException, match=error):
        await shared_server.command("mlkata.runTests", {"uri": uri, "tests": tests})
