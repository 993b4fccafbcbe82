"""Whole-bank validation: the batch path beside the cold path it replaced, measured in one run.

    python bench/validate.py [--sample 40] [--out docs/validate-benchmark.md]

Each row judges the same files both ways, every one with a fresh reference cache:
- cold: one judge per file in a fresh interpreter (torch imported per file), one file at a time,
  as `mlkata validate` and the golden-solution tests judged before the batch path;
- batch: `mlkata.judge.batch.Batch` (warm workers started once, one run per core), as they judge now.
Rows: the old `mlkata validate` (each problem's reference and starter), a sample of the golden
solutions (every n-th file, so the cold side stays minutes long), and the whole of today's
`mlkata validate` (references, starters, declared mistakes and every golden solution) on the
batch path only, against the 60 s target.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from mlkata.bank import Problem, load_bank
from mlkata.bank.validate import golden_files, validate_bank
from mlkata.judge.batch import Batch, default_jobs
from mlkata.judge.engine import judge
from mlkata.judge.options import Options

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "tests" / "solutions"
TARGET_S = 60.0

Files = list[tuple[Problem, str, str]]


def fresh_options() -> Options:
    return Options(cache_dir=Path(tempfile.mkdtemp(prefix="mlkata-bench-cache-")))


async def cold(files: Files) -> float:
    options = fresh_options()
    start = time.monotonic()
    for problem, source, name in files:
        await judge(problem, source, name, options)
    return time.monotonic() - start


async def batch(files: Files, roots: Sequence[Path]) -> float:
    start = time.monotonic()
    async with Batch(fresh_options(), roots) as session:
        await asyncio.gather(*(session.judge(problem, source, name) for problem, source, name in files))
    return time.monotonic() - start


async def whole_validate(problems: list[Problem], roots: Sequence[Path]) -> tuple[float, int, int]:
    start = time.monotonic()
    async with Batch(fresh_options(), roots) as session:
        results = await validate_bank(problems, session, SOLUTIONS)
    files = [j for r in results for j in r.files]
    return time.monotonic() - start, len(files), sum(1 for j in files if j.issues)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=40, help="golden files judged both ways (default 40)")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown here")
    args = parser.parse_args()
    bank = load_bank([ROOT / "problems"])
    problems = list(bank.problems.values())
    roots = [ROOT / "problems"]
    old_validate: Files = [(p, p.solution, str(p.path / "solution.py")) for p in problems]
    old_validate += [(p, p.starter, str(p.path / "starter.py")) for p in problems]
    every = golden_files(SOLUTIONS)
    step = max(1, len(every) // args.sample)
    sample: Files = [(bank.get(f.parent.name), f.read_text(encoding="utf-8"), str(f)) for f in every[::step][: args.sample]]

    rows = []
    for label, files in (
        (f"old `mlkata validate`: {len(problems)} references + {len(problems)} starters", old_validate),
        (f"golden solutions, every {step}th ({len(sample)} of {len(every)})", sample),
    ):
        print(f"{label}: cold ...", flush=True)
        cold_s = asyncio.run(cold(files))
        print(f"  {cold_s:.1f} s; batch ...", flush=True)
        batch_s = asyncio.run(batch(files, roots))
        print(f"  {batch_s:.1f} s", flush=True)
        rows.append(f"| {label} | {len(files)} | {cold_s:.1f} s | {batch_s:.1f} s | {cold_s / batch_s:.1f}x |")
    print("today's `mlkata validate` on the batch path ...", flush=True)
    whole_s, judged, unexpected = asyncio.run(whole_validate(problems, roots))
    print(f"  {whole_s:.1f} s ({judged} files, {unexpected} not as expected)", flush=True)

    lines = [
        f"Measured by `python bench/validate.py --sample {args.sample}` on {platform.machine()}, {default_jobs()} cores, "
        f"Python {platform.python_version()}, {date.today().isoformat()}; each row's two columns in the same run, "
        "every judge with a fresh reference cache.",
        "",
        "| files | judged | cold, one at a time | batch, one run per core | cold / batch |",
        "|---|---|---|---|---|",
        *rows,
        "",
        "| target | measured | result |",
        "|---|---|---|",
        f"| today's `mlkata validate` (every reference, starter, declared mistake and golden solution: {judged} files) "
        f"<= {TARGET_S:.0f} s | {whole_s:.1f} s ({unexpected} not as expected) | {'pass' if whole_s <= TARGET_S and not unexpected else 'FAIL'} |",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    if args.out:
        args.out.write_text("# Validation benchmark\n\n" + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
