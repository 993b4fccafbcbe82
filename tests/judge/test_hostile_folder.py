"""Every hostile solution under tests/hostile/ gets its stated verdict, in time, leaving nothing behind.

Each file binds a problem (``# mlkata: <id>``) and states its verdict (``# expect: <verdict>``).
Runs go cold and through the warm worker (the ``options`` fixture); ``no_leftovers`` fails the
test if a scratch folder or a process (its own or the worker's) is left behind.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import re
import time
from pathlib import Path
from typing import Any

import attrs
import pytest

from mlkata.bank import Problem, load_problem
from mlkata.binding import bind
from mlkata.cli import format_report
from mlkata.judge.engine import judge
from mlkata.judge.options import cache_dir
from mlkata.judge.runner import Options
from tests.judge.conftest import _children

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "hostile"
EXPECT = re.compile(r"^# expect: (?P<verdict>[a-z_]+)\s*$")
LEFT_BEHIND = "mlkata-hostile-was-here.txt"
STUCK_SCALE = 0.25
"""Limits of a run expected to end in a time limit are scaled by this: the same kill path, a quarter of the wait."""


def outside_scratch(problem: Problem, options: Options) -> dict[str, Any]:
    """What a run must leave as it was: the bank's folder, the reference cache (each file's bytes), /dev/shm's names."""

    def contents(folder: Path) -> dict[str, bytes]:
        return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    return {
        "bank": contents(problem.path),
        "cache": contents(cache_dir(options)),
        "shm": sorted(os.listdir("/dev/shm")) if os.path.isdir("/dev/shm") else [],
    }


def hostile_files() -> list[Path]:
    return sorted(HOSTILE.glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("path", hostile_files(), ids=lambda p: p.stem)
def test_hostile_solution(path: Path, options: Options, no_leftovers: None) -> None:
    source = path.read_text(encoding="utf-8")
    binding = bind(source)
    assert binding is not None, f"{path}: first line must be '# mlkata: <problem>'"
    match = EXPECT.match(source.splitlines()[1])
    assert match, f"{path}: second line must be '# expect: <verdict>'"
    problem = load_problem(ROOT / "problems" / binding.problem_id)
    real_home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    asyncio.run(judge(problem, problem.solution, "reference.py", options))  # the reference's outputs, cached
    before = outside_scratch(problem, options)
    scale = STUCK_SCALE if match["verdict"] == "time_limit" else 1.0
    start = time.monotonic()
    report = asyncio.run(judge(problem, source, str(path), attrs.evolve(options, time_multiplier=scale)))
    elapsed = time.monotonic() - start
    shown = format_report(report, str(path))
    assert report.verdict.value == match["verdict"], shown
    total_s = problem.limits.total_time_ms / 1000 * scale
    assert elapsed <= total_s + 1, f"took {elapsed:.1f} s (the run's limit is {total_s:g} s): {shown}"
    assert not (real_home / LEFT_BEHIND).exists(), "the run wrote into the real home folder"
    after = outside_scratch(problem, options)
    assert after["bank"] == before["bank"] and after["shm"] == before["shm"], "the run changed files outside its scratch folder"
    # The judge itself may add the declared mistakes' outputs to the cache; nothing there may change.
    assert {k: v for k, v in after["cache"].items() if k in before["cache"]} == before["cache"], "the cache was changed"
    assert not _children(os.getpid(), zombies=True), "zombie processes left behind"


def test_every_hostile_case_of_the_reliability_table_is_present() -> None:
    names = {p.stem for p in hostile_files()}
    table = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`tests/hostile/{name}.py`" in table, f"docs/reliability.md does not list {name}"
