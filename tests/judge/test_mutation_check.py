"""The mutation check end to end, with the real judge: a tiny pure-Python problem whose hidden tests
are deliberately weak fails naming its surviving mutant, and passes once a test kills it or it is
declared equivalent."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.bank import Problem, load_problem
from mlkata.judge.batch import Batch
from mlkata.judge.options import Options
from mlkata.mutation.check import EQUIVALENT, KILLED, SURVIVED, ProblemCheck, check_problem
from mlkata.mutation.report import format_check
from tests.judge.conftest import TOML

SOLUTION = '''\
def count_less(xs, t):
    """How many of xs are less than t."""
    return sum(1 for x in xs if x < t)
'''
WEAK = """\
from mlkata.judge.api import call, test


@test
def counts_the_smaller_ones(count_less):
    return call(count_less, [1, 9], 5)
"""
STRONG = (
    WEAK
    + """

@test
def an_equal_value_is_not_less(count_less):
    return call(count_less, [1, 5, 9], 5)
"""
)
SURVIVOR = "compare: < -> <= in `x < t` at line 3"


def make_count_less(root: Path, tests: str = WEAK, mutants: str | None = None) -> Problem:
    """The count-less problem under root (its tests and its mutants.toml as given)."""
    folder = root / "count-less"
    folder.mkdir(parents=True)
    toml = TOML.replace('id = "add-two"', 'id = "count-less"').replace('entry_point = "add"', 'entry_point = "count_less"')
    (folder / "problem.toml").write_text(toml.replace('forbidden = ["numpy", "operator.add"]', "forbidden = []"))
    (folder / "statement.md").write_text("# Count\n\nWrite `count_less(xs, t)`: how many of xs are < t.\n")
    (folder / "starter.py").write_text("def count_less(xs, t):\n    raise NotImplementedError\n")
    (folder / "solution.py").write_text(SOLUTION)
    (folder / "tests.py").write_text(tests)
    (folder / "hints.md").write_text("## Hint 1\nCount.\n\n## Hint 2\nStrictly less.\n")
    (folder / "followups.md").write_text("## Sorted input?\nBinary search.\n")
    (folder / "rules.toml").write_text(
        '[[rule]]\ntext = "Count the values less than t."\nkind = "behaviour"\ntests = ["counts_the_smaller_ones"]\n'
    )
    if mutants is not None:
        (folder / "mutants.toml").write_text(mutants)
    return load_problem(folder)


def check(problem: Problem, cache: Path) -> ProblemCheck:
    """The mutation check of one problem, in a batch session of its own (pure Python: no torch worker)."""

    async def run() -> ProblemCheck:
        async with Batch(Options(cache_dir=cache), [problem.path.parent], jobs=2, torch=False) as batch:
            return await check_problem(problem, batch)

    return asyncio.run(run())


def survivor_id(tmp_path: Path) -> str:
    result = check(make_count_less(tmp_path / "first"), tmp_path / "cache")
    return next(o.mutant.id for o in result.outcomes if o.status == SURVIVED)


def test_weak_tests_fail_the_check_naming_the_surviving_mutant(tmp_path: Path) -> None:
    result = check(make_count_less(tmp_path), tmp_path / "cache")
    assert not result.passed
    assert {o.mutant.description: o.status for o in result.outcomes} == {
        SURVIVOR: SURVIVED,
        "constant: 1 -> 2 at line 3": KILLED,
        "constant: 1 -> 0 at line 3": KILLED,
    }
    survivor = next(o for o in result.outcomes if o.status == SURVIVED)
    text = format_check(result)
    assert f"survived {survivor.mutant.id}: {SURVIVOR}" in text
    assert "-     return sum(1 for x in xs if x < t)" in text and "+     return sum(1 for x in xs if x <= t)" in text
    assert f'id = "{survivor.mutant.id}"' in text and str(tmp_path / "count-less" / "mutants.toml") in text
    killed = next(o for o in result.outcomes if o.status == KILLED)
    assert killed.detail == "counts_the_smaller_ones: wrong_answer"


def test_a_test_that_kills_the_survivor_makes_it_pass(tmp_path: Path) -> None:
    result = check(make_count_less(tmp_path, STRONG), tmp_path / "cache")
    assert result.passed and result.kill_rate == 1.0
    assert [o.status for o in result.outcomes] == [KILLED] * 3


def test_declaring_the_survivor_equivalent_makes_it_pass_and_stale_ids_are_reported(tmp_path: Path) -> None:
    declared = survivor_id(tmp_path)
    mutants = (
        f'[[equivalent]]\nid = "{declared}"\nreason = "the tests never hold a value equal to t"\n\n'
        '[[equivalent]]\nid = "dim:12345678:0"\nreason = "a mutant long gone"\n'
    )
    result = check(make_count_less(tmp_path / "second", mutants=mutants), tmp_path / "cache")
    assert result.passed and result.count(EQUIVALENT) == 1 and result.kill_rate == 1.0
    assert next(o.detail for o in result.outcomes if o.status == EQUIVALENT) == "the tests never hold a value equal to t"
    assert [d.id for d in result.stale] == ["dim:12345678:0"]
    assert "declares 'dim:12345678:0' but no mutant has that id any more (stale)" in format_check(result)


def test_a_mutant_declared_equivalent_that_a_test_kills_is_a_warning(tmp_path: Path) -> None:
    declared = survivor_id(tmp_path)
    mutants = f'[[equivalent]]\nid = "{declared}"\nreason = "wrong"\n'
    result = check(make_count_less(tmp_path / "second", STRONG, mutants), tmp_path / "cache")
    assert result.passed and [o.mutant.id for o in result.misdeclared] == [declared]
    assert f"{declared} is declared equivalent but a test kills it" in format_check(result)


def test_a_malformed_mutants_file_fails_the_problem_naming_it(tmp_path: Path) -> None:
    result = check(make_count_less(tmp_path, mutants="[[equivalent]]\nid = 1\n"), tmp_path / "cache")
    assert not result.passed and result.outcomes == ()
    assert (
        result.error == f"{tmp_path / 'count-less' / 'mutants.toml'}: [[equivalent]] #1: 'id' must be a non-empty string, got 1"
    )


def mlkata(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mlkata", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_the_commands_exit_1_naming_the_survivor(tmp_path: Path) -> None:
    make_count_less(tmp_path)
    proc = mlkata("--problems", str(tmp_path), "mutate", "count-less")
    assert proc.returncode == 1, proc.stderr
    assert f": {SURVIVOR}" in proc.stdout and "FAIL  count-less" in proc.stdout
    assert "0/1 problems pass the mutation check" in proc.stdout
    data = json.loads(mlkata("--problems", str(tmp_path), "mutate", "count-less", "--json").stdout)
    assert [(d["problem"], d["mutants"], d["killed"], d["survived"]) for d in data] == [("count-less", 3, 2, 1)]
    proc = mlkata("--problems", str(tmp_path), "validate", "count-less", "--bank-only", "--mutants")
    assert proc.returncode == 1 and "mutation-testing 1 problems" in proc.stdout and f": {SURVIVOR}" in proc.stdout
    listed = mlkata("--problems", str(tmp_path), "mutate", "count-less", "--list")
    assert listed.returncode == 0 and "count-less: 3 mutants" in listed.stdout and SURVIVOR in listed.stdout


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from mlkata.cli import main

    assert main(["mutate"]) == 2
    assert main(["mutate", "--all", "scaled-dot-product-attention"]) == 2
    assert main(["mutate", "no-such-problem"]) == 2
    err = capsys.readouterr().err
    assert "name the problems to check, --all, or --changed-since REV" in err and "unknown problem 'no-such-problem'" in err
