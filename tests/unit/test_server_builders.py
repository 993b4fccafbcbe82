"""The language server's pure builders: diagnostics, inlay hints, lenses, hover, code actions, typed params.

None of these starts a server: each is a function of a report, a text and a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.workspace import TextDocument

from mlkata.bank import Bank, Problem, load_problem
from mlkata.binding import bind
from mlkata.judge.examples import Example, ExampleResult
from mlkata.judge.verdict import Location, Report, Verdict
from mlkata.judge.verdict import TestResult as Result
from mlkata.server import diagnostics, inlay, lenses, params
from mlkata.server.protocol import SOURCE, Commands

ROOT = Path(__file__).resolve().parents[2]
TEXT = "# mlkata: layer-norm\nimport torch\n\n\nclass LayerNorm:\n    def forward(self, x):  # 😀 wide\n        return x\n"


@pytest.fixture(scope="module")
def problem() -> Problem:
    return load_problem(ROOT / "problems" / "layer-norm")


def _fail(name: str, message: str = "wrong values", line: int = 7, details: tuple[str, ...] = ()) -> Result:
    return Result(name, Verdict.WRONG_ANSWER, message, Location(line, 9, line, 17), details=details)


def test_failing_tests_with_the_same_message_and_place_share_one_diagnostic() -> None:
    report = Report(
        "layer-norm",
        (
            _fail("a", details=("input x: [1, 2]", "expected 1.0, got 2.0")),
            _fail("b", details=("input x: [3]",)),
            _fail("c", "dtype differs", line=6),
            Result("d", Verdict.PASSED),
        ),
    )
    lines = TEXT.splitlines()
    out = diagnostics.report_diagnostics(report, lines, None, "file:///s.py")
    assert [d.message for d in out] == ["a, b: wrong values", "c: dtype differs"]
    shared = out[0]
    assert shared.range == types.Range(start=types.Position(line=6, character=8), end=types.Position(line=6, character=16))
    assert shared.code == "wrong_answer" and shared.source == SOURCE
    assert shared.data == {"problem": "layer-norm", "tests": ["a", "b"], "verdict": "wrong_answer"}
    assert [r.message for r in shared.related_information or []] == [
        "a: input x: [1, 2]",
        "a: expected 1.0, got 2.0",
        "b: input x: [3]",
    ]
    assert out[1].related_information is None


def test_every_test_failing_alike_is_named_all_and_related_lines_are_capped() -> None:
    many = tuple(f"line {i}" for i in range(40))
    report = Report("layer-norm", (_fail("a", details=many), _fail("b", details=many)))
    (only,) = diagnostics.report_diagnostics(report, TEXT.splitlines(), None, "file:///s.py")
    assert only.message == "all 2 hidden tests: wrong values"
    assert len(only.related_information or []) == diagnostics.RELATED_SHOWN


def test_a_failure_without_a_place_marks_line_one_and_columns_follow_the_client_encoding() -> None:
    report = Report("layer-norm", (Result("a", Verdict.RUNTIME_ERROR, ""),))
    (d,) = diagnostics.report_diagnostics(report, TEXT.splitlines(), None)
    assert d.range.start.line == 0 and d.message == "a: runtime_error"
    doc = TextDocument("file:///s.py", TEXT, position_codec=None)
    line = TEXT.splitlines()[5]
    end = len(line) + 1
    rng = diagnostics.lsp_range(Location(6, 1, 6, end), TEXT.splitlines(), doc)
    assert rng.end.character == len(line) + 1, "the emoji is two UTF-16 code units"
    assert (
        diagnostics.lsp_range(Location(9, 5, 1, 1), ["x"], None).end
        == diagnostics.lsp_range(Location(9, 5, 1, 1), ["x"], None).start
    )


def _example(line: int, expected: str | None, output: str, error: str = "") -> ExampleResult:
    return ExampleResult(Example(line, line, "f(1)", expected), output, error)


def test_examples_that_differ_or_raise_are_warnings_and_matching_ones_are_not() -> None:
    lines = ["# mlkata: layer-norm", "    >>> f(1)", "    >>> f(2)", "    >>> f(3)"]
    report = Report("layer-norm", (), (_example(2, "1", "1"), _example(3, "2", "3"), _example(4, None, "", "ValueError: no")))
    out = diagnostics.example_diagnostics(report, lines, None)
    assert [(d.message, d.severity, d.range.start.character) for d in out] == [
        ("example: expected 2, got 3", types.DiagnosticSeverity.Warning, 4),
        ("example raised ValueError: no", types.DiagnosticSeverity.Warning, 4),
    ]


def test_unknown_problem_and_judge_error_diagnostics() -> None:
    binding = bind("# mlkata: layer-nrom\n")
    assert binding is not None
    bank = Bank({"layer-norm": object(), "rms-norm": object()}, ())  # type: ignore[dict-item]
    d = diagnostics.unknown_problem_diagnostic(binding, bank)
    assert d.message.startswith("unknown problem 'layer-nrom': no such problem in the bank (2 problems). Did you mean layer-norm")
    assert (d.range.start.character, d.range.end.character) == (10, 20)
    empty = bind("# mlkata:\n")
    assert empty is not None
    assert diagnostics.unknown_problem_diagnostic(empty, bank).message.startswith("the marker names no problem")
    assert diagnostics.judge_error_diagnostic("torch missing").code == "judge_error"


def test_inlay_hints_show_each_example_in_view_and_skip_moved_ones() -> None:
    text = "x = 1\n>>> f(1)\n>>> f(2)\n>>> f(3)\n"
    doc = TextDocument("file:///s.py", text)
    report = Report(
        "p", (), (_example(2, "1", "1"), _example(3, "5", "2"), _example(4, None, "", "KeyError: 3"), _example(9, None, "x"))
    )
    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=10, character=0))
    hints = inlay.example_hints(report, doc, everything)
    assert [h.label for h in hints] == ["→ 1  ✓", "→ 2  ✗ expected 5", "→ KeyError: 3"]
    assert hints[0].position == types.Position(line=1, character=8)
    only_line_3 = types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=0))
    assert [h.label for h in inlay.example_hints(report, doc, only_line_3)] == ["→ 2  ✗ expected 5"]
    assert inlay.example_hints(None, doc, everything) == []


def test_lenses_sit_on_the_entry_point_with_score_hints_and_the_mock_clock(problem: Problem) -> None:
    report = Report("layer-norm", (Result("a", Verdict.PASSED), _fail("b")))
    state = lenses.LensState(report, hints_taken=1, mock_round="Mock round 1/2: 3:05 left, submit round")
    out = lenses.code_lenses(problem, TEXT, "file:///s.py", state)
    assert {lens.range.start.line for lens in out} == {4}
    commands = [(lens.command.title, lens.command.command) for lens in out if lens.command]
    assert commands == [
        ("Mock round 1/2: 3:05 left, submit round", Commands.SUBMIT_ROUND),
        ("Run hidden tests (1/2 passed)", Commands.RUN_TESTS),
        (f"Next hint (2/{len(problem.hints)})", Commands.NEXT_HINT),
        ("Show statement", Commands.SHOW_STATEMENT),
    ]
    plain = lenses.code_lenses(problem, "# mlkata: layer-norm\n", "file:///s.py", lenses.LensState(None, len(problem.hints)))
    assert [lens.command.title for lens in plain if lens.command] == ["Run hidden tests", "Hints (all shown)", "Show statement"]
    assert plain[0].range.start.line == 0, "no entry point yet: the first line"


def test_hover_shows_the_statement_on_the_marker_and_the_entry_point_only(problem: Problem) -> None:
    on_entry = lenses.hover(problem, TEXT, types.Position(line=4, character=8))
    assert on_entry is not None and isinstance(on_entry.contents, types.MarkupContent)
    assert problem.statement in on_entry.contents.value and "hidden tests*" in on_entry.contents.value
    assert lenses.hover(problem, TEXT, types.Position(line=0, character=3)) is not None
    assert lenses.hover(problem, TEXT, types.Position(line=2, character=0)) is None


def test_code_actions_offer_debugging_each_failing_test_of_our_diagnostics_only() -> None:
    rng = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=1))

    def diag(source: str, data: Any) -> types.Diagnostic:
        return types.Diagnostic(range=rng, message="m", source=source, data=data)

    many = [f"t{i}" for i in range(8)]
    ours = diag(SOURCE, {"tests": many, "verdict": "wrong_answer"})
    skipped = [
        diag("pyright", {"tests": ["x"], "verdict": "wrong_answer"}),
        diag(SOURCE, {"tests": ["y"], "verdict": "syntax_error"}),
    ]
    actions = lenses.code_actions("file:///s.py", [ours, *skipped, diag(SOURCE, None)])
    assert [a.command.arguments for a in actions if a.command] == [[{"uri": "file:///s.py", "test": t}] for t in many[:5]]
    assert {a.command.command for a in actions if a.command} == {Commands.DEBUG_CASE}


@pytest.mark.parametrize(
    ("cls", "args", "expected"),
    [
        (params.OpenProblem, ({"id": "a", "folder": "/x"},), params.OpenProblem(id="a", folder="/x")),
        (params.ProblemRef, ("layer-norm",), params.ProblemRef(id="layer-norm")),
        (params.FileRef, ("file:///a.py",), params.FileRef(uri="file:///a.py")),
        (params.Followups, ({"id": "a", "giveUp": True, "extra": 1},), params.Followups(id="a", give_up=True)),
        (
            params.StartMock,
            ({"interview": "i", "timeScale": 2},),
            params.StartMock(interview="i", time_scale=params.TimeScale(2.0)),
        ),
        (params.NoParams, (), params.NoParams()),
    ],
)
def test_command_arguments_are_structured_into_their_class(cls: type, args: tuple[Any, ...], expected: Any) -> None:
    assert params.structure("mlkata.x", args, cls) == expected


@pytest.mark.parametrize(
    ("cls", "args", "message"),
    [
        (params.ProblemRef, ({"id": 42},), "mlkata.x: argument 'id' must be a non-empty string, got int 42"),
        (params.ProblemRef, ({"id": ""},), "mlkata.x: argument 'id' must be a non-empty string, got str ''"),
        (params.Followups, ({"giveUp": "yes"},), "mlkata.x: argument 'giveUp' must be true or false, got 'yes'"),
        (
            params.StartMock,
            ({"interview": "i", "timeScale": True},),
            "argument 'timeScale' must be a number in (0, 10], got True",
        ),
        (params.StartMock, ({"interview": "i", "timeScale": 11},), "argument 'timeScale' must be a number in (0, 10], got 11"),
        (params.ProblemRef, (1, 2), 'expected one object argument such as {"id": "layer-norm"}, got [1, 2]'),
    ],
)
def test_bad_command_arguments_name_the_argument_and_what_it_got(cls: type, args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(JsonRpcInvalidParams) as caught:
        params.structure("mlkata.x", args, cls)
    assert message in str(caught.value)
