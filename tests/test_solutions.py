"""Every golden solution under tests/solutions/<id>/ gets the verdict its first line states.

Judged through the session's batch (warm workers, as ``mlkata validate`` judges them), with the
checks ``mlkata validate`` makes: the verdict, the first failing test's name, and that it fails
with a location and a message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import Bank
from mlkata.bank.validate import Expect, golden_expectation, golden_files, judge_changes, mismatches
from mlkata.cli import format_report
from tests.conftest import SyncBatch

SOLUTIONS = Path(__file__).parent / "solutions"


def _golden_params() -> list[object]:
    """Every golden file; the first of each problem also belongs to the fast sample."""
    seen: set[str] = set()
    params = []
    for path in golden_files(SOLUTIONS):
        first = path.parent.name not in seen
        seen.add(path.parent.name)
        params.append(pytest.param(path, id=f"{path.parent.name}/{path.stem}", marks=[pytest.mark.fast] if first else []))
    return params


@pytest.mark.slow
@pytest.mark.parametrize("path", _golden_params())
def test_golden_solution(path: Path, bank: Bank, batch: SyncBatch) -> None:
    expect = golden_expectation(path)
    report = batch.judge(bank.get(path.parent.name), path.read_text(encoding="utf-8"), str(path), **judge_changes(expect))
    assert mismatches(report, expect) == [], format_report(report, str(path))


def test_every_problem_has_three_rejected_and_one_accepted_solution(bank: Bank) -> None:
    for pid in bank.problems:
        verdicts = [golden_expectation(f).verdict for f in golden_files(SOLUTIONS, pid)]
        wrong = [v for v in verdicts if v != "passed"]
        assert len(wrong) >= 3, f"{pid}: {len(wrong)} rejected golden solutions, need at least 3"
        assert "passed" in verdicts, f"{pid}: no accepted alternative solution"


def test_golden_folders_name_real_problems(bank: Bank) -> None:
    for folder in SOLUTIONS.iterdir():
        if folder.is_dir():
            assert folder.name in bank.problems, f"{folder}: no problem {folder.name!r}"


PROBLEMS = sorted(p.name for p in (SOLUTIONS.parent.parent / "problems").iterdir() if (p / "problem.toml").is_file())


@pytest.mark.slow
@pytest.mark.fast
@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_the_starter_is_not_implemented_on_every_test(problem_id: str, bank: Bank, batch: SyncBatch) -> None:
    problem = bank.get(problem_id)
    report = batch.judge(problem, problem.starter, "starter.py")
    assert mismatches(report, Expect("not_implemented", every_test=True)) == [], format_report(report, "starter.py")
