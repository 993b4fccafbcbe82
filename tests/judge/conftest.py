"""A tiny pure-Python problem built in a temp folder, so judge tests need no torch import."""

from __future__ import annotations

import asyncio
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from mlkata.bank import Problem, load_problem
from mlkata.bank.statement_limits import with_limits
from mlkata.judge.engine import judge
from mlkata.judge.runner import Options, WarmWorker
from mlkata.judge.verdict import Report

ROOT = Path(__file__).resolve().parent.parent.parent

TOML = """\
id = "add-two"
title = "Add two numbers"
difficulty = "easy"
topics = ["warm-up"]
area = "algorithms"
kind = "python"
entry_point = "add"
suggested_minutes = 1
origin = "A fixture for the judge's own tests."
forbidden = ["numpy", "operator.add"]

[limits]
test_time_ms = 1000
total_time_ms = 6000
memory_mb = 256
"""

TESTS = """\
from mlkata.judge.api import call, test


@test
def adds_small_numbers(add):
    return call(add, 1, 2)


@test
def adds_negative_numbers(add):
    return call(add, -5, 3)


@test
def adds_large_numbers(add):
    return call(add, 10**6, 2 * 10**6)
"""


RULES = """\
[[rule]]
text = "add(a, b) returns a + b, for negative numbers too."
kind = "behaviour"
tests = ["adds_small_numbers", "adds_negative_numbers"]

[[rule]]
text = "Numbers up to 10**6."
kind = "range"
tests = ["adds_large_numbers"]
"""


def make_problem(root: Path, tests: str = TESTS, toml: str = TOML, rules: str | None = RULES) -> Problem:
    """Write the add-two problem under root and load it (``rules``: its rules.toml; None: none)."""
    folder = root / "add-two"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "problem.toml").write_text(toml)
    (folder / "statement.md").write_text("# Add\n\nWrite `add(a, b)` returning a + b.\n")
    (folder / "starter.py").write_text("def add(a, b):\n    raise NotImplementedError\n")
    (folder / "solution.py").write_text("def add(a, b):\n    return a + b\n")
    (folder / "tests.py").write_text(tests)
    (folder / "hints.md").write_text("## Hint 1\nUse +.\n\n## Hint 2\nReturn it.\n")
    (folder / "followups.md").write_text("## Overflow?\nPython ints do not overflow.\n")
    if rules is not None:
        (folder / "rules.toml").write_text(rules)
    loaded = load_problem(folder)
    (folder / "statement.md").write_text(with_limits(loaded.statement, loaded.limits))  # as the bank's statements
    return load_problem(folder)


@pytest.fixture(scope="session")
def add_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """The add-two problem."""
    return make_problem(tmp_path_factory.mktemp("bank"))


def run(problem: Problem, source: str, options: Options, filename: str = "/work/solution.py") -> Report:
    """Judge source synchronously."""
    return asyncio.run(judge(problem, source, filename, options))


@pytest.fixture(scope="session", autouse=True)
def private_tmp(tmp_path_factory: pytest.TempPathFactory):
    """Scratch folders of this session's runs go to a folder no other process uses."""
    root = tmp_path_factory.mktemp("scratch")
    saved = tempfile.tempdir
    tempfile.tempdir = str(root)
    yield root
    tempfile.tempdir = saved


@pytest.fixture(scope="session")
def sdpa():
    """The scaled-dot-product-attention problem from the bundled bank."""
    return load_problem(ROOT / "problems" / "scaled-dot-product-attention")


@pytest.fixture(scope="session")
def warm_worker(private_tmp: Path) -> Iterator[WarmWorker]:
    """One warm worker for the session's warm runs."""
    worker = WarmWorker()
    asyncio.run(worker.start_now())
    assert worker.serves("torch"), "the warm worker did not start"
    yield worker
    worker.stop()


@pytest.fixture(params=["cold", "warm"])
def options(request: pytest.FixtureRequest, options: Options) -> Options:
    """Every judge test runs twice: in a cold process, and forked from the warm worker."""
    if request.param == "cold":
        return options
    return attrs.evolve(options, worker=request.getfixturevalue("warm_worker"))


def _children(pid: int, zombies: bool = False) -> list[tuple[str, str]]:
    """(name, pid) of the live processes whose parent is pid (of its zombies, with zombies=True)."""
    out = []
    for status in glob.glob("/proc/[0-9]*/status"):
        try:
            text = Path(status).read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)
        if fields.get("PPid", "").strip() == str(pid) and fields.get("State", "").startswith("Z") == zombies:
            out.append((fields.get("Name", "?").strip(), fields["Pid"].strip()))
    return out


def _is_worker(pid: str) -> bool:
    """True for the session's warm worker (a child of the test process that stays)."""
    try:
        return b"--serve" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@pytest.fixture
def no_leftovers(private_tmp: Path, options: Options):
    """Fail if a run leaves scratch folders or child processes behind."""
    pattern = os.path.join(str(private_tmp), "mlkata-run-*")
    before = set(glob.glob(pattern))
    # Processes of the session (warm workers, a shared language server) were there before the test.
    already = {pid for _, pid in _children(os.getpid())}
    yield
    assert set(glob.glob(pattern)) - before == set(), "scratch folders left behind"
    worker = options.worker.pid if options.worker is not None else None
    children = [name for name, pid in _children(os.getpid()) if pid not in already and not _is_worker(pid)]
    assert not children, f"processes left behind: {children}"
    if worker is not None:

        def runs() -> list[tuple[str, str]]:
            return [(name, pid) for name, pid in _children(worker) if name != "mlkata-spare"]

        deadline = time.monotonic() + 5
        while runs() and time.monotonic() < deadline:
            time.sleep(0.1)  # the worker reaps its finished runs twice a second
        assert not runs(), f"runs of the warm worker left behind: {runs()}"
        spares = [pid for name, pid in _children(worker) if name == "mlkata-spare"]
        assert len(spares) <= 1, f"more than one spare run process: {spares}"
