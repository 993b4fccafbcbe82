"""What ``mlkata mutate`` prints: a problem's figures, each survivor with its lines and what to do, JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mlkata.mutation.check import EQUIVALENT, ERROR, INVALID, KILLED, SURVIVED, TARGET, Outcome, ProblemCheck

INDENT = "      "


def figures(check: ProblemCheck) -> str:
    """``24 mutants: 22 killed, 1 survived, 1 equivalent, 0 invalid; kill rate 95.7%``."""
    sampled = f" (a sample of {check.generated})" if check.generated > len(check.outcomes) else ""
    errors = f", {check.count(ERROR)} errors" if check.count(ERROR) else ""
    return (
        f"{len(check.outcomes)} mutants{sampled}: {check.count(KILLED)} killed, {check.count(SURVIVED)} survived, "
        f"{check.count(EQUIVALENT)} equivalent, {check.count(INVALID)} invalid{errors}; kill rate {check.kill_rate:.1%}"
    )


def diff(outcome: Outcome, indent: str = INDENT + "  ") -> list[str]:
    """The mutated lines before and after, as a diff."""
    m = outcome.mutant
    return [f"{indent}- {line}" for line in m.before] + [f"{indent}+ {line}" for line in m.after]


def survivor(outcome: Outcome) -> list[str]:
    """A survivor: its id and description, its lines before and after."""
    return [f"{INDENT}survived {outcome.mutant.id}: {outcome.mutant.description}", *diff(outcome)]


def declaration(check: ProblemCheck) -> list[str]:
    """The hint under a problem's survivors: a test that kills them, or a declaration to copy."""
    first = next(o for o in check.outcomes if o.status == SURVIVED)
    return [
        f"{INDENT}add a hidden test that kills each survivor, or declare it equivalent in {check.mutants_file}:",
        f"{INDENT}  [[equivalent]]",
        f'{INDENT}  id = "{first.mutant.id}"',
        f'{INDENT}  reason = "<one line: why it behaves as the reference on every valid input>"',
    ]


def warnings(check: ProblemCheck) -> list[str]:
    """Stale declarations, mutants declared equivalent that a test kills, judge errors."""
    lines = [
        f"{INDENT}warning: {check.mutants_file} declares {d.id!r} but no mutant has that id any more (stale): remove it"
        for d in check.stale
    ]
    lines += [
        f"{INDENT}warning: {o.mutant.id} is declared equivalent but a test kills it ({o.detail}): remove the declaration"
        for o in check.misdeclared
    ]
    lines += [f"{INDENT}error: {o.mutant.id} could not be judged: {o.detail}" for o in check.outcomes if o.status == ERROR]
    return lines


def format_check(check: ProblemCheck, width: int = 40) -> str:
    """One problem: ok or FAIL, its figures and time; each survivor; warnings."""
    mark = "ok" if check.passed else "FAIL"
    if check.error is not None:
        return f"{mark:<4}  {check.problem:<{width}}  {check.error}"
    lines = [f"{mark:<4}  {check.problem:<{width}}  {figures(check)}  {check.seconds:.1f} s"]
    survivors = [o for o in check.outcomes if o.status == SURVIVED]
    for outcome in survivors:
        lines += survivor(outcome)
    if survivors:
        lines += declaration(check)
    elif check.kill_rate < TARGET:
        lines.append(f"{INDENT}kill rate under the target of {TARGET:.0%}")
    return "\n".join(lines + warnings(check))


def summary(checks: Sequence[ProblemCheck], seconds: float) -> str:
    """The closing lines: problems passing, mutants judged and how fast."""
    judged = sum(len(c.outcomes) for c in checks)
    good = sum(1 for c in checks if c.passed)
    rate = f" ({judged / seconds:.1f} mutants/s)" if seconds > 0 else ""
    return (
        f"{good}/{len(checks)} problems pass the mutation check (at least {TARGET:.0%} of the non-equivalent mutants "
        f"killed, no undeclared survivor); {judged} mutants judged in {seconds:.1f} s{rate}"
    )


def to_json(check: ProblemCheck) -> dict[str, Any]:
    """A problem's check as one JSON object (``mlkata mutate --json``)."""
    return {
        "problem": check.problem,
        "passed": check.passed,
        "error": check.error,
        "generated": check.generated,
        "mutants": len(check.outcomes),
        "invalid": check.count(INVALID),
        "killed": check.count(KILLED),
        "survived": check.count(SURVIVED),
        "equivalent": check.count(EQUIVALENT),
        "errors": check.count(ERROR),
        "kill_rate": round(check.kill_rate, 4),
        "seconds": round(check.seconds, 2),
        "stale": [d.id for d in check.stale],
        "misdeclared": [o.mutant.id for o in check.misdeclared],
        "outcomes": [
            {
                "id": o.mutant.id,
                "operator": o.mutant.operator,
                "description": o.mutant.description,
                "line": o.mutant.line,
                "status": o.status,
                "detail": o.detail,
                "seconds": round(o.seconds, 3),
                "before": list(o.mutant.before),
                "after": list(o.mutant.after),
            }
            for o in check.outcomes
        ],
    }
