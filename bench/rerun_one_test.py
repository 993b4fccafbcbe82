"""A re-run of one hidden test against a run of the whole file, on a warm worker (as the language server runs them).

    python bench/rerun_one_test.py PROBLEM SOLUTION TEST [--runs 7]

What the Testing view's per-test re-run saves: the judge runs only that test (``judge(..., tests=[TEST])``),
so the other tests' time (a slow or time-limited one above all) is not paid again. The reference is computed
and the worker warmed by one run first; then each kind of run is timed ``--runs`` times.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import warnings
from pathlib import Path

from mlkata.bank import load_bank
from mlkata.judge.engine import judge
from mlkata.judge.runner import Options, WarmWorker


async def measure(problem_id: str, solution: Path, test: str, runs: int) -> list[str]:
    """One line per kind of run: its median and fastest time."""
    problem = load_bank().get(problem_id)
    source = solution.read_text(encoding="utf-8")
    worker = WarmWorker(preload=[problem.path.parent])
    await worker.start_now()
    try:
        options = Options(worker=worker)
        await judge(problem, source, str(solution), options)
        lines = []
        for label, tests in (("whole file", None), ("one test", [test])):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                report = await judge(problem, source, str(solution), options, tests=tests)
                times.append((time.perf_counter() - start) * 1000)
            lines.append(
                f"{problem_id}, {label} ({report.total} test{'s' if report.total != 1 else ''}): median {statistics.median(times):.0f} ms, "
                f"fastest {min(times):.0f} ms, over {runs} runs"
            )
        return lines
    finally:
        worker.stop()


def main() -> None:
    """Parse the arguments, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problem")
    parser.add_argument("solution", type=Path)
    parser.add_argument("test")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # torch's NumPy warning
    for line in asyncio.run(measure(args.problem, args.solution, args.test, args.runs)):
        print(line)


if __name__ == "__main__":
    main()
