"""Judge a problem's mutants with its hidden tests, through a batch session of warm workers.

A mutant is killed when the judge's verdict is not ``passed``; it is invalid (not counted) when it
does not compile or uses a forbidden API; it survives otherwise, and is equivalent when the
problem's ``mutants.toml`` says so. Each run stops at its first time limit, so a mutant that loops
costs one test's limit.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from mlkata.judge.options import JudgeError
from mlkata.judge.verdict import Verdict
from mlkata.mutation.equivalents import Equivalent, MutantsFileError, load_equivalents
from mlkata.mutation.generate import DEFAULT_CAP, generate, sample

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.judge.batch import Batch
    from mlkata.mutation.source import Mutant

TARGET = 0.95
"""Share of the non-equivalent mutants the hidden tests must kill."""
KILLED, SURVIVED, EQUIVALENT, INVALID, ERROR = "killed", "survived", "equivalent", "invalid", "error"
CHANGES = {"stop_at_time_limit": True, "explain_mistakes": False}
"""Judge options for a mutant: one time limit at most, and no classic-mistake lookup (never shown)."""
INVALID_VERDICTS = (Verdict.SYNTAX_ERROR, Verdict.FORBIDDEN_API)
PROBLEMS_IN_FLIGHT = 2


@attrs.frozen
class Outcome:
    """What the hidden tests made of one mutant."""

    mutant: Mutant
    status: str
    """killed, survived, equivalent, invalid or error."""
    detail: str = ""
    """Killed: the first failing test and its verdict; equivalent: the declared reason; else why."""
    seconds: float = 0.0
    """How long its run took once it had a slot."""


@attrs.frozen
class ProblemCheck:
    """The mutation check of one problem."""

    problem: str
    mutants_file: str
    """Where its equivalent mutants are declared (``problems/<id>/mutants.toml``)."""
    generated: int = 0
    """Mutants generated; ``outcomes`` holds the judged sample when there were more than the cap."""
    outcomes: tuple[Outcome, ...] = ()
    stale: tuple[Equivalent, ...] = ()
    """Declarations whose id matches no mutant any more."""
    misdeclared: tuple[Outcome, ...] = ()
    """Mutants declared equivalent that a test kills."""
    error: str | None = None
    """Why the problem could not be checked (a malformed mutants.toml, a failing reference)."""
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def kill_rate(self) -> float:
        """Killed over the mutants that count (neither invalid nor declared equivalent)."""
        counted = self.count(KILLED) + self.count(SURVIVED) + self.count(ERROR)
        return self.count(KILLED) / counted if counted else 1.0

    @property
    def passed(self) -> bool:
        """No error, no undeclared survivor, and at least the target share killed."""
        return self.error is None and not self.count(SURVIVED) and not self.count(ERROR) and self.kill_rate >= TARGET


def compiles(source: str) -> str | None:
    """None when ``source`` compiles, else why not."""
    try:
        compile(source, "<mutant>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"does not compile: {exc}"
    return None


async def judge_mutant(batch: Batch, problem: Problem, mutant: Mutant, declared: dict[str, Equivalent]) -> Outcome:
    """Judge one mutant with the hidden tests."""
    why = compiles(mutant.source)
    if why is not None:
        return Outcome(mutant, INVALID, why)
    try:
        report, seconds = await batch.timed(problem, mutant.source, str(problem.path / "solution.py"), **CHANGES)
    except JudgeError as exc:
        return Outcome(mutant, ERROR, str(exc))
    failing = [t for t in report.tests if not t.passed]
    if report.verdict in INVALID_VERDICTS:
        return Outcome(mutant, INVALID, f"{report.verdict.value}: {failing[0].message if failing else ''}", seconds)
    if failing:
        return Outcome(mutant, KILLED, f"{failing[0].name}: {failing[0].verdict.value}", seconds)
    if mutant.id in declared:
        return Outcome(mutant, EQUIVALENT, declared[mutant.id].reason, seconds)
    return Outcome(mutant, SURVIVED, "", seconds)


async def check_problem(problem: Problem, batch: Batch, cap: int = DEFAULT_CAP) -> ProblemCheck:
    """Generate a problem's mutants (at most ``cap`` judged) and judge each; the reference first."""
    start = time.monotonic()
    empty = ProblemCheck(problem.id, str(problem.path / "mutants.toml"))
    try:
        declared = load_equivalents(problem.path)
        mutants = generate(problem.solution)
    except MutantsFileError as exc:
        return attrs.evolve(empty, error=str(exc))
    except SyntaxError as exc:
        return attrs.evolve(empty, error=f"{problem.path / 'solution.py'}: does not parse: {exc}")
    try:
        reference = await batch.judge(problem, problem.solution, str(problem.path / "solution.py"), **CHANGES)
    except JudgeError as exc:
        return attrs.evolve(empty, error=str(exc))
    failing = [t for t in reference.tests if not t.passed]
    if failing:
        return attrs.evolve(empty, error=f"the reference fails its own test {failing[0].name}: {failing[0].message}")
    judged = sample(mutants, cap)
    outcomes = await asyncio.gather(*(judge_mutant(batch, problem, m, declared) for m in judged))
    ids = {m.id for m in mutants}
    return attrs.evolve(
        empty,
        generated=len(mutants),
        outcomes=tuple(outcomes),
        stale=tuple(d for i, d in declared.items() if i not in ids),
        misdeclared=tuple(o for o in outcomes if o.status == KILLED and o.mutant.id in declared),
        seconds=time.monotonic() - start,
    )


async def check_bank(
    problems: Sequence[Problem], batch: Batch, cap: int = DEFAULT_CAP, echo: Callable[[ProblemCheck], None] = lambda c: None
) -> list[ProblemCheck]:
    """Check every problem in one session; ``echo`` gets each as it ends.

    Two problems are in flight at a time: the second one's mutants fill the slots the first one's
    last runs leave idle, and results still come out one problem after another.
    """
    window = asyncio.Semaphore(PROBLEMS_IN_FLIGHT)

    async def one(problem: Problem) -> ProblemCheck:
        async with window:
            result = await check_problem(problem, batch, cap)
        echo(result)
        return result

    return list(await asyncio.gather(*(one(p) for p in problems)))
