"""Every statement states the judge's limits, written from problem.toml (never by hand)."""

from __future__ import annotations

from pathlib import Path

from mlkata.bank import load_bank
from mlkata.bank.model import Limits
from mlkata.bank.statement_limits import BEGIN, END, block, limits_issue, with_limits
from mlkata.bank.validate import text_issues

LIMITS = Limits(test_time_ms=1500, total_time_ms=12000, memory_mb=512)


def test_the_block_says_what_problem_toml_says() -> None:
    assert "**Limits:** 1.5 s per test, 12 s for all tests, 512 MB of memory." in block(LIMITS)


def test_the_block_is_added_once_and_replaced_in_place() -> None:
    text = "# Task\n\nDo it.\n"
    once = with_limits(text, LIMITS)
    assert once.startswith("# Task\n\nDo it.\n\n" + BEGIN) and once.endswith(END + "\n")
    assert with_limits(once, LIMITS) == once
    changed = with_limits(once, Limits(test_time_ms=3000, total_time_ms=30000, memory_mb=256))
    assert changed.count(BEGIN) == 1 and "3 s per test, 30 s for all tests, 256 MB" in changed


def test_a_missing_or_stale_block_is_an_issue_naming_the_fix() -> None:
    path = Path("p/statement.md")
    assert "has no limits block" in (limits_issue(path, "# Task\n", LIMITS) or "")
    stale = with_limits("# Task\n", Limits(test_time_ms=1000, total_time_ms=12000, memory_mb=512))
    assert "states other limits than problem.toml" in (limits_issue(path, stale, LIMITS) or "")
    assert limits_issue(path, with_limits("# Task\n", LIMITS), LIMITS) is None


def test_every_bundled_statement_states_its_limits() -> None:
    for problem in load_bank().problems.values():
        issues = [i for i in text_issues(problem) if "limits" in i]
        assert not issues, issues
