"""How much room each time-limit test leaves on both sides, measured side by side.

    python bench/time_limits.py [--out docs/time-limits.md] [PROBLEM ...]

A test that must reject a too-slow solution is only trustworthy when correct solutions finish far
under its limit and the too-slow one far over it, on any machine load. For every golden solution
expected to fail by ``time_limit`` (``tests/solutions/<id>/*.py``), this times the drive part of its
test in this process (no isolation: the judge adds a few ms) for:
- every accepted solution of the problem (the reference and the golden ones expected to pass):
  the slowest is reported, with ``limit / slowest`` as the room below the limit;
- the too-slow solution, stopped at ``CAP`` times the limit: ``time / limit`` is the room above.
Prints a table and, with ``--out``, writes it as Markdown. Room under ``MIN_ROOM`` on either side
is flagged: on a loaded CI machine a test has run more than five times slower than idle (0.70 s
idle, out of a 4 s limit there).
"""

from __future__ import annotations

import argparse
import platform
import signal
import sys
import time
from pathlib import Path
from typing import Any

from mlkata.bank import load_problem
from mlkata.bank.validate import golden_expectation, golden_files
from mlkata.judge import api
from mlkata.judge.child import hidden

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "tests" / "solutions"

CAP = 6.0
MIN_ROOM = 4.0


class _Stopped(BaseException):  # not an Exception: drive code that catches those must not swallow it
    pass


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


def _entry(source: str, filename: str, name: str) -> Any:
    namespace: dict[str, Any] = {"__name__": "solution"}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def _timed(drive: Any, entry: Any, cap_s: float) -> float | None:
    """Seconds the drive took on the entry point; None when stopped at cap_s."""
    signal.setitimer(signal.ITIMER_REAL, cap_s)
    start = time.perf_counter()
    try:
        drive(entry)
    except _Stopped:
        return None
    except Exception:
        pass  # a wrong answer or a crash still took its time
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def measure(problem_id: str) -> list[dict[str, Any]]:
    problem = load_problem(ROOT / "problems" / problem_id)
    limit = problem.limits.test_time_ms / 1000
    drives = hidden.hidden_tests(problem.tests_source, api)[0]
    expected = {p: golden_expectation(p) for p in golden_files(SOLUTIONS, problem_id)}
    golden = [(p, e.verdict, e.first_failing) for p, e in expected.items()]
    accepted = [(problem.solution, "solution")] + [(p.read_text(), p.stem) for p, verdict, _ in golden if verdict == "passed"]
    rows = []
    for slow, verdict, test in golden:
        if verdict != "time_limit" or test is None:
            continue
        times = [(_timed(drives[test], _entry(text, name, problem.entry_point), CAP * limit), name) for text, name in accepted]
        worst, worst_name = max((t if t is not None else CAP * limit, n) for t, n in times)
        took = _timed(drives[test], _entry(slow.read_text(), str(slow), problem.entry_point), CAP * limit)
        rows.append(
            {
                "test": f"{problem_id}/{test}",
                "limit": limit,
                "accepted": worst,
                "accepted_name": worst_name,
                "below": limit / worst,
                "slow": took,
                "slow_name": slow.stem,
                "above": (took / limit) if took is not None else CAP,
            }
        )
    return rows


def _line(row: dict[str, Any]) -> str:
    slow = f"{row['slow']:.2f} s" if row["slow"] is not None else f"> {CAP * row['limit']:.0f} s (stopped)"
    above = f"{row['above']:.1f}x" if row["slow"] is not None else f"> {CAP:.0f}x"
    flag = "" if min(row["below"], row["above"]) >= MIN_ROOM else " **tight**"
    return (
        f"| `{row['test']}` | {row['limit']:g} s | {row['accepted']:.3f} s ({row['accepted_name']}) | "
        f"{row['below']:.0f}x | {slow} ({row['slow_name']}) | {above}{flag} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problems", nargs="*", help="problem ids (default: every one with a too-slow golden solution)")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown here")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _stop)
    ids = args.problems or sorted(
        {p.parent.name for p in golden_files(SOLUTIONS) if golden_expectation(p).verdict == "time_limit"}
    )
    lines = [
        "| test | limit | slowest accepted | room below | too-slow solution | over the limit |",
        "|---|---|---|---|---|---|",
    ]
    tight = 0
    for problem_id in ids:
        for row in measure(problem_id):
            lines.append(_line(row))
            tight += min(row["below"], row["above"]) < MIN_ROOM
            print(lines[-1], flush=True)
    header = (
        f"# Time-limit tests: room on both sides\n\n`python bench/time_limits.py --out docs/time-limits.md` on "
        f"{platform.machine()}, {platform.python_version()}, {time.strftime('%Y-%m-%d')}: each drive timed in "
        f"one process without isolation; too-slow solutions stopped at {CAP:g}x the limit. "
        f"Rows with less than {MIN_ROOM:g}x on either side are marked tight.\n\n"
    )
    if args.out:
        args.out.write_text(header + "\n".join(lines) + "\n")
    print(f"{tight} of {len(lines) - 2} time-limit tests have less than {MIN_ROOM:g}x room on one side")
    return 1 if tight else 0


if __name__ == "__main__":
    sys.exit(main())
