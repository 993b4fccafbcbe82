"""The interviewer's answers to clarifying questions (``interviewer.toml``): loaded with the problem, checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import ProblemError, load_bank, load_problem
from mlkata.bank.model import CLARIFY_KINDS
from tests.judge.conftest import make_problem

GOOD = """
[[clarify]]
question = "Can the inputs be negative?"
answer = "Yes, any Python int."
kind = "edge-cases"

[[clarify]]
question = "Should it return an int?"
answer = "Yes."
kind = "dtype"
held_back = true
"""


def folder(tmp_path: Path, text: str | None) -> Path:
    problem = make_problem(tmp_path)
    if text is not None:
        (problem.path / "interviewer.toml").write_text(text)
    return problem.path


def test_a_problem_without_the_file_has_none_and_one_with_it_loads_them(tmp_path: Path) -> None:
    assert load_problem(folder(tmp_path / "a", None)).clarifications == ()
    loaded = load_problem(folder(tmp_path / "b", GOOD)).clarifications
    assert [(c.kind, c.held_back) for c in loaded] == [("edge-cases", False), ("dtype", True)]
    assert loaded[0].question == "Can the inputs be negative?" and loaded[0].answer == "Yes, any Python int."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[clarify]]\nquestion = ", "invalid TOML"),
        ("title = 'x'\n", "expected only [[clarify]] tables"),
        (GOOD.replace('kind = "dtype"', 'kind = "vibes"'), "clarify 2: 'vibes' is not one of"),
        (GOOD.replace('answer = "Yes."\n', ""), "field 'answer': clarify 2: missing"),
        (GOOD.replace("held_back = true", 'held_back = "yes"'), "clarify 2: must be true or false"),
        (GOOD + 'hint = "x"\n', "clarify 2: expected the fields"),
    ],
)
def test_a_malformed_file_fails_its_problem_naming_the_field(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ProblemError) as info:
        load_problem(folder(tmp_path, text))
    assert "interviewer.toml" in str(info.value) and message in str(info.value)


def test_every_bundled_file_loads_with_questions_of_known_kinds() -> None:
    bank = load_bank()
    assert bank.errors == ()
    for problem in bank.problems.values():
        assert all(c.kind in CLARIFY_KINDS for c in problem.clarifications)
        assert sum(c.held_back for c in problem.clarifications) <= 1, problem.id
