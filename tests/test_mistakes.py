"""Declared classic mistakes: a wrong answer that equals one is explained, unless explanations are off."""

from __future__ import annotations

from typing import Any

import pytest

from mlkata.bank import Bank, Problem, load_bank
from mlkata.bank.validate import Expect, mismatches
from mlkata.cli import format_report
from mlkata.judge.verdict import Verdict
from tests.conftest import SyncBatch

BANK = load_bank()
MISTAKES = [(p.id, m.name) for p in BANK.problems.values() for m in p.mistakes]


def _judge(problem: Problem, source: str, batch: SyncBatch, **changes: Any) -> list[str]:
    report = batch.judge(problem, source, "mistake.py", **changes)
    assert report.verdict is not Verdict.PASSED, format_report(report, "mistake.py")
    return [t.message for t in report.tests if not t.passed]


def test_the_seed_torch_problems_declare_three_mistakes_each(bank: Bank) -> None:
    seed_torch = [p for p in bank.problems.values() if p.kind == "torch" and p.mistakes]
    assert len(seed_torch) >= 10
    for problem in seed_torch:
        assert len(problem.mistakes) >= 3, f"{problem.id} declares {len(problem.mistakes)} mistakes"


@pytest.mark.slow
@pytest.mark.parametrize(("problem_id", "name"), MISTAKES, ids=[f"{p}/{m}" for p, m in MISTAKES])
def test_a_declared_mistake_is_named(problem_id: str, name: str, bank: Bank, batch: SyncBatch) -> None:
    problem = bank.get(problem_id)
    mistake = next(m for m in problem.mistakes if m.name == name)
    report = batch.judge(problem, mistake.source, "mistake.py")
    assert mismatches(report, Expect(None, explanation=mistake.explanation)) == [], format_report(report, "mistake.py")


@pytest.mark.slow
@pytest.mark.parametrize("problem_id", sorted({p for p, _ in MISTAKES}))
def test_explanations_off_leave_the_plain_failure(problem_id: str, bank: Bank, batch: SyncBatch) -> None:
    problem = bank.get(problem_id)
    mistake = problem.mistakes[0]
    messages = _judge(problem, mistake.source, batch, explain_mistakes=False)
    assert messages and not any(mistake.explanation in msg for msg in messages), messages
