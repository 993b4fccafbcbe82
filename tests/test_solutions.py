"""Every golden solution under tests/solutions/<id>/ gets the verdict its first line states."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from mlkata.bank import Bank
from mlkata.cli import format_report
from mlkata.judge.engine import judge
from mlkata.judge.runner import Options

SOLUTIONS = Path(__file__).parent / "solutions"
EXPECT = re.compile(r"^# expect: (?P<verdict>[a-z_]+)(?: (?P<test>[A-Za-z0-9_]+))?\s*$")


def golden_files() -> list[Path]:
    """All golden solution files."""
    return sorted(SOLUTIONS.glob("*/*.py"))


def parse_expectation(path: Path) -> tuple[str, str | None]:
    """The expected verdict and first failing test from a file's first line."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first)
    assert match, f"{path}: first line must be '# expect: <verdict> [<first failing test>]', got {first!r}"
    return match["verdict"], match["test"]


@pytest.mark.slow
@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_solution(path: Path, bank: Bank, options: Options) -> None:
    verdict, first_failing = parse_expectation(path)
    problem = bank.get(path.parent.name)
    report = asyncio.run(judge(problem, path.read_text(encoding="utf-8"), str(path), options))
    shown = format_report(report, str(path))
    assert report.verdict.value == verdict, shown
    if verdict == "passed":
        assert first_failing is None
        return
    failing = [t for t in report.tests if not t.passed]
    assert first_failing is not None, f"{path}: name the first failing test after the verdict"
    assert failing[0].name == first_failing, shown
    assert failing[0].location is not None and failing[0].message, shown


def test_every_problem_has_three_rejected_and_one_accepted_solution(bank: Bank) -> None:
    for pid in bank.problems:
        files = sorted((SOLUTIONS / pid).glob("*.py"))
        verdicts = [parse_expectation(f)[0] for f in files]
        wrong = [v for v in verdicts if v != "passed"]
        assert len(wrong) >= 3, f"{pid}: {len(wrong)} rejected golden solutions, need at least 3"
        assert "passed" in verdicts, f"{pid}: no accepted alternative solution"


def test_golden_folders_name_real_problems(bank: Bank) -> None:
    for folder in SOLUTIONS.iterdir():
        if folder.is_dir():
            assert folder.name in bank.problems, f"{folder}: no problem {folder.name!r}"


PROBLEMS = sorted(p.name for p in (SOLUTIONS.parent.parent / "problems").iterdir() if (p / "problem.toml").is_file())


@pytest.mark.slow
@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_the_starter_is_not_implemented_on_every_test(problem_id: str, bank: Bank, options: Options) -> None:
    problem = bank.get(problem_id)
    report = asyncio.run(judge(problem, problem.starter, "starter.py", options))
    assert {t.verdict.value for t in report.tests} == {"not_implemented"}, format_report(report, "starter.py")
