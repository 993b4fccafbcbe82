"""The README's threat-model table, cell by cell: each hostile solution judged with each kernel mechanism off.

"refused" means the solution gets the verdict its file states (the attack failed); "succeeds" means
it does not (the attack worked, e.g. a solution that reads the reference passes). Runs are cold
(the mechanisms turned off reach the run through the job) with a cache of their own, and whatever a
successful attack leaves in the real home folder or /dev/shm is removed.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import re
from pathlib import Path

import pytest

from mlkata.bank import load_problem
from mlkata.binding import bind
from mlkata.judge import reference
from mlkata.judge.engine import judge
from mlkata.judge.runner import Options

ROOT = Path(__file__).resolve().parents[2]
LEVELS = {"full": (), "no Landlock": ("landlock",), "no seccomp": ("seccomp",), "neither": ("landlock", "seccomp")}
LEFT_BEHIND = (
    Path(pwd.getpwuid(os.getuid()).pw_dir) / "mlkata-hostile-was-here.txt",
    Path("/dev/shm/mlkata-hostile-was-here"),
)


def table() -> list[tuple[str, str, str]]:
    """(hostile file, level, outcome) of every cell of the README's table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Threat model") :]
    header = next(line for line in section.splitlines() if line.startswith("| What the solution tries"))
    levels = [c.strip() for c in header.strip("|").split("|")[2:]]
    assert levels == list(LEVELS), f"the README's levels are {levels}"
    cells = []
    for line in section.splitlines():
        row = re.match(r"^\| [^|]+ \| `([a-z_]+\.py)` \|(.*)\|$", line)
        if row:
            outcomes = [c.strip().strip("*") for c in row[2].split("|")]
            cells += [(row[1], level, outcome) for level, outcome in zip(levels, outcomes, strict=True)]
    return cells


def test_the_table_is_there_and_complete() -> None:
    cells = table()
    assert len(cells) >= 8 * len(LEVELS)
    assert {outcome for _, _, outcome in cells} == {"refused", "succeeds"}
    for name, _, _ in cells:
        assert (ROOT / "tests" / "hostile" / name).is_file(), name


@pytest.mark.slow
@pytest.mark.parametrize(("name", "level", "outcome"), [c for c in table() if c[1] != "full"], ids=lambda v: str(v))
def test_each_cell(name: str, level: str, outcome: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(The "full" column is the hostile folder's own test, cold and warm.)"""
    monkeypatch.setattr(reference, "_memory", {})  # the reference's outputs on disk, in this test's cache, to be attacked
    source = (ROOT / "tests" / "hostile" / name).read_text(encoding="utf-8")
    stated = re.search(r"^# expect: ([a-z_]+)$", source, re.MULTILINE)
    binding = bind(source)
    assert stated and binding
    problem = load_problem(ROOT / "problems" / binding.problem_id)
    options = Options(cache_dir=tmp_path / "cache", sandbox_off=LEVELS[level])
    try:
        asyncio.run(judge(problem, problem.solution, "reference.py", options))
        report = asyncio.run(judge(problem, source, str(tmp_path / name), options))
    finally:
        for path in LEFT_BEHIND:
            path.unlink(missing_ok=True)
    off = set(LEVELS[level])
    assert {name for name, info in report.sandbox.items() if not info["on"]} >= off
    for mechanism in off:
        assert "turned off" in report.sandbox[mechanism]["why"]
    refused = report.verdict.value == stated[1]
    assert refused == (outcome == "refused"), f"{name} under {level}: {report.verdict.value} ({report.tests[0].message})"
