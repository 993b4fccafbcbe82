"""End to end over stdio: hidden-test results published as diagnostics on the right lines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lsprotocol import types

from mlkata.bank import load_problem
from tests.server.conftest import ROOT, Client, solution, start_server

pytestmark = pytest.mark.slow


def line_of(text: str, needle: str) -> int:
    """0-based line of the first line containing needle."""
    for i, line in enumerate(text.splitlines()):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")


@pytest.mark.fast
async def test_wrong_mha_is_reported_at_the_entry_point_and_a_fix_clears_it(server: Client) -> None:
    wrong = solution("multi-head-attention", "missing_scale")
    uri = server.write("mha.py", wrong)
    server.open(uri, wrong)
    diags = await server.diagnostics_after(uri, 0)
    assert diags, "a wrong solution must produce diagnostics"
    first = diags[0]
    assert first.source == "mlkata"
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.code == "wrong_answer"
    assert first.message.startswith("single_head_matches_reference: ")
    class_line = line_of(wrong, "class MultiHeadAttention")
    assert {d.range.start.line for d in diags if d.code == "wrong_answer"} == {class_line}
    assert first.range.start.character == wrong.splitlines()[class_line].index("MultiHeadAttention")
    # The failing case rides along as related information, at the diagnostic's own range.
    related = first.related_information or []
    lines = [r.message for r in related]
    assert lines[0].startswith("input x: float32 (2, 4, 8), mean "), lines
    assert any(line.startswith("out: first mismatch at (0, 0, 0): expected ") for line in lines), lines
    assert any(line.startswith("out: max abs error ") and ", max rel error " in line for line in lines), lines
    assert all(r.location.uri == uri and r.location.range == first.range for r in related)

    right = solution("multi-head-attention", "einsum_fused_softmax")
    count = len(server.publishes(uri))
    version = server.save(uri, right)
    assert list(await server.diagnostics_after(uri, count)) == []
    assert server.publishes(uri)[-1].version == version


async def test_an_exception_points_at_the_line_that_raised(server: Client) -> None:
    text = solution("multi-head-attention", "missing_scale").replace(
        "scores = q @ k.transpose(-2, -1)", "scores = q @ k  # shapes do not line up"
    )
    uri = server.write("mha_error.py", text)
    server.open(uri, text)
    diags = await server.diagnostics_after(uri, 0)
    errors = [d for d in diags if d.code == "runtime_error"]
    assert errors, [d.message for d in diags]
    assert {d.range.start.line for d in errors} == {line_of(text, "scores = q @ k  #")}
    assert all("RuntimeError" in d.message for d in errors)


async def test_a_forbidden_call_is_flagged_at_its_call_site(server: Client) -> None:
    text = solution("multi-head-attention", "missing_scale").replace(
        "out = weights @ v  # (B, H, Lq, head_dim)",
        "out = torch.nn.functional.scaled_dot_product_attention(q, k, v)",
    )
    uri = server.write("mha_forbidden.py", text)
    server.open(uri, text)
    diags = await server.diagnostics_after(uri, 0)
    assert len(diags) == 1, "one finding shared by every test is one diagnostic"
    d = diags[0]
    assert d.code == "forbidden_api"
    tests = len(load_problem(ROOT / "problems" / "multi-head-attention").test_names)
    assert d.message.startswith(f"all {tests} hidden tests: uses torch.nn.functional.scaled_dot_product_attention")
    row = line_of(text, "scaled_dot_product_attention(q, k, v)")
    assert d.range.start.line == row
    assert d.range.start.character == text.splitlines()[row].index("torch.nn.functional")


async def test_syntax_error_at_the_last_line(server: Client) -> None:
    text = "# mlkata: longest-common-subsequence\ndef longest_common_subsequence(a, b):\n    return 0\nx = (\n"
    uri = server.write("lcs_syntax.py", text)
    server.open(uri, text)
    diags = await server.diagnostics_after(uri, 0)
    assert [d.code for d in diags] == ["syntax_error"]
    assert diags[0].range.start.line == 3


async def test_an_unknown_problem_is_a_diagnostic_on_the_marker(server: Client) -> None:
    text = "# mlkata: multi-head-atention\nx = 1\n"
    uri = server.write("typo.py", text)
    server.open(uri, text)
    diags = await server.diagnostics_after(uri, 0, timeout=20)
    assert [d.code for d in diags] == ["unknown_problem"]
    assert diags[0].range.start == types.Position(line=0, character=len("# mlkata: "))
    assert "multi-head-attention" in diags[0].message, "the closest id is suggested"
    assert (await server.command("mlkata.listProblems"))["problems"], "the server still answers"


async def test_an_unbound_python_file_is_left_alone(server: Client) -> None:
    uri = server.write("notes.py", "print('hello')\n")
    server.open(uri, "print('hello')\n")
    diags = await server.diagnostics_after(uri, 0, timeout=20)
    assert diags == []


async def test_an_infinite_loop_is_a_time_limit_and_the_server_still_answers(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache, timeMultiplier=0.1) as server:
        text = "# mlkata: longest-common-subsequence\ndef longest_common_subsequence(a, b):\n    while True:\n        pass\n"
        uri = server.write("lcs_loop.py", text)
        server.open(uri, text)
        started = time.monotonic()
        reply = await server.command("mlkata.listProblems")
        assert reply["problems"] and time.monotonic() - started < 5, "requests are answered while a run is going"
        diags = await server.diagnostics_after(uri, 0)
        assert diags and {d.code for d in diags} == {"time_limit"}
        assert {d.range.start.line for d in diags} <= {2, 3}, "a line of the loop"
        started = time.monotonic()
        assert (await server.command("mlkata.mockStatus"))["active"] is False
        assert time.monotonic() - started < 5


async def test_rapid_saves_publish_only_the_latest_result(server: Client) -> None:
    problem = "longest-common-subsequence"
    wrong = [solution(problem, n) for n in ("greedy_two_pointer", "longest_common_substring", "multiset_intersection")]
    right = solution(problem, "rolling_row")
    uri = server.write("lcs.py", wrong[0])
    server.open(uri, wrong[0])
    for text in wrong[1:] + wrong + [right]:
        version = server.save(uri, text)
    await server.wait_for(lambda: any(p.version == version for p in server.publishes(uri)), 120, "the last version's diagnostics")
    pubs = server.publishes(uri)
    assert [p.version for p in pubs] == [version], "no result of an older text is ever published"
    assert list(pubs[-1].diagnostics) == []


async def test_runs_report_work_done_progress(server: Client) -> None:
    text = solution("longest-common-subsequence", "greedy_two_pointer")
    uri = server.write("lcs_progress.py", text)
    server.open(uri, text)
    await server.diagnostics_after(uri, 0)
    await server.wait_for(
        lambda: any(isinstance(r[-1], types.WorkDoneProgressEnd) for r in server.lsp.progress_reports.values() if r),
        10,
        "a finished progress report",
    )
    reports = next(iter(v for v in server.lsp.progress_reports.values() if v))
    assert isinstance(reports[0], types.WorkDoneProgressBegin)
    assert "Longest common subsequence" in reports[0].title or "longest" in reports[0].title.lower()
    assert reports[-1].message is not None and "passed" in reports[-1].message


@pytest.mark.parametrize("explain", [True, False])
async def test_a_known_mistake_is_named_unless_the_setting_is_off(tmp_path: Path, reference_cache: Path, explain: bool) -> None:
    wrong = solution("scaled-dot-product-attention", "missing_scale")
    async with start_server(tmp_path, reference_cache, explainMistakes=explain) as server:
        uri = server.write("sdpa.py", wrong)
        server.open(uri, wrong)
        diags = await server.diagnostics_after(uri, 0)
        assert diags and all(d.code == "wrong_answer" for d in diags)
        named = [d for d in diags if "missing the 1/sqrt(d_k) scale?" in d.message]
        assert bool(named) is explain, [d.message for d in diags]


async def test_a_mock_interview_never_names_mistakes(server: Client) -> None:
    status = await server.command("mlkata.startMock", {"interview": "transformer-fundamentals"})
    path = Path(status["path"])
    assert path.read_text().startswith("# mlkata: scaled-dot-product-attention\n")
    uri = path.as_uri()
    server.open(uri, path.read_text())
    version = server.save(uri, solution("scaled-dot-product-attention", "missing_scale"))
    pub = await server.wait_for(lambda: [p for p in server.publishes(uri) if p.version == version], 90, "the saved run")
    diags = pub[-1].diagnostics
    assert diags and all(d.code == "wrong_answer" for d in diags)
    assert not any("1/sqrt(d_k)" in d.message for d in diags), [d.message for d in diags]
    await server.command("mlkata.abandonMock")


async def test_a_wrong_python_answer_shows_the_call_expected_and_got(server: Client) -> None:
    wrong = solution("longest-common-subsequence", "greedy_two_pointer")
    uri = server.write("lcs_related.py", wrong)
    server.open(uri, wrong)
    diags = await server.diagnostics_after(uri, 0)
    first = next(d for d in diags if d.message.startswith("greedy_matching_fails"))
    assert [r.message for r in first.related_information or []] == [
        "call: longest_common_subsequence('xaby', 'abyx')",
        "expected: 3",
        "got: 1",
    ]
