"""The rule map (``rules.toml``): its shape is checked on load, and validation fails on a rule no test checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.bank import ProblemError, load_problem
from mlkata.bank.rules import load_rules, rule_issues
from mlkata.bank.validate import text_issues
from tests.judge.conftest import make_problem

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
[[rule]]
text = "Returns a + b."
kind = "behaviour"
tests = ["adds_small_numbers", "adds_negative_numbers"]

[[rule]]
text = "Works for numbers up to 10**6."
kind = "range"
tests = ["adds_large_numbers"]
"""


def write(tmp_path: Path, rules: str | None) -> Path:
    return make_problem(tmp_path, rules=rules).path


def test_a_complete_rule_map_loads_and_validates(tmp_path: Path) -> None:
    problem = load_problem(write(tmp_path, GOOD))
    assert [(r.kind, r.tests) for r in problem.rules] == [
        ("behaviour", ("adds_small_numbers", "adds_negative_numbers")),
        ("range", ("adds_large_numbers",)),
    ]
    assert not [i for i in text_issues(problem) if "rules.toml" in i]


@pytest.mark.parametrize(
    ("rules", "says"),
    [
        (None, "no rules: list every rule the statement states"),
        (GOOD.replace('tests = ["adds_large_numbers"]', "tests = []"), "rule 2 ('Works for numbers up to 10**6.') names no test"),
        (
            GOOD.replace('"adds_large_numbers"', '"adds_huge_numbers"'),
            "rule 2 ('Works for numbers up to 10**6.') names 'adds_huge_numbers', which is not a test",
        ),
    ],
    ids=["no-rules", "rule-without-test", "unknown-test"],
)
def test_validation_names_the_rule_no_test_checks(tmp_path: Path, rules: str | None, says: str) -> None:
    problem = load_problem(write(tmp_path, rules))
    issues = [i for i in text_issues(problem) if "rules.toml" in i]
    assert len(issues) == 1 and says in issues[0], issues


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[[rule]]\ntext = 'x'\nkind = 'behaviour'\n", "rule"),
        ("[[rule]]\ntext = ''\nkind = 'behaviour'\ntests = ['a']\n", "text"),
        ("[[rule]]\ntext = 'x'\nkind = 'vibes'\ntests = ['a']\n", "kind"),
        ("[[rule]]\ntext = 'x'\nkind = 'behaviour'\ntests = 'a'\n", "tests"),
        ("rules = 1\n", "rule"),
        ("[[rule\n", None),
    ],
    ids=["missing-tests", "empty-text", "unknown-kind", "tests-not-a-list", "wrong-table", "bad-toml"],
)
def test_a_malformed_rule_map_is_an_error_naming_the_field(tmp_path: Path, text: str, field: str | None) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text)
    with pytest.raises(ProblemError) as raised:
        load_rules(path)
    assert raised.value.path == path and raised.value.field == field


def test_rule_issues_without_a_folder_on_disk() -> None:
    assert rule_issues(Path("p"), (), ("t",)) == [
        "p/rules.toml: no rules: list every rule the statement states, each with the hidden tests that check it"
    ]


def test_mlkata_validate_fails_on_a_weak_rule_map(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace('"adds_large_numbers"', '"adds_huge_numbers"'))
    done = subprocess.run(
        [sys.executable, "-m", "mlkata", "--problems", str(tmp_path), "validate", "add-two", "--bank-only"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "rule 2 ('Works for numbers up to 10**6.') names 'adds_huge_numbers', which is not a test in tests.py" in done.stdout
