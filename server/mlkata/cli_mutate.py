"""``mlkata mutate``: mutation testing of the references with their hidden tests (:mod:`mlkata.mutation`);
also what ``mlkata validate --mutants`` runs after validating."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mlkata.cli_common import bank as _bank
from mlkata.judge.options import Options
from mlkata.mutation.generate import DEFAULT_CAP

if TYPE_CHECKING:
    from mlkata.bank import Bank, Problem
    from mlkata.mutation.check import ProblemCheck

DOC = Path("docs") / "test-strength.md"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``mutate``."""
    p = sub.add_parser("mutate", help="mutation-test problems' reference solutions with their hidden tests")
    p.add_argument("ids", nargs="*", help="the problems to check")
    p.add_argument("--all", action="store_true", help="every problem of the bank")
    p.add_argument(
        "--changed-since",
        metavar="REV",
        help="the problems a change since REV touches (all when the judge or this tool changed); "
        "'doc' means the last commit that wrote docs/test-strength.md",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per problem, in a list")
    p.add_argument("-j", "--jobs", type=int, help="runs at a time (default: one per core)")
    p.add_argument("--write-doc", action="store_true", help=f"write the figures into {DOC} of the source checkout")
    p.add_argument("--list", action="store_true", help="print the mutants (id and description) without judging them")
    p.add_argument("--max-mutants", type=int, default=DEFAULT_CAP, help=f"judge at most N per problem (default {DEFAULT_CAP})")
    p.add_argument("--python", help="interpreter that runs the mutants (default: this one)")
    p.add_argument("--time-multiplier", type=float, default=1.0, help="scale every time limit")
    p.set_defaults(func=cmd_mutate)


def _selected(args: argparse.Namespace, bank: Bank) -> list[Problem] | None:
    """The problems named (or all with ``--all``, or those a change touches); None, with the reason printed, on a usage error."""
    if args.changed_since:
        return _changed(args.changed_since, bank)
    if args.all == bool(args.ids):
        print("mlkata mutate: name the problems to check, --all, or --changed-since REV", file=sys.stderr)
        return None
    try:
        return [bank.get(pid) for pid in args.ids] if args.ids else list(bank.problems.values())
    except KeyError as exc:
        print(f"mlkata: {exc.args[0]}", file=sys.stderr)
        return None


def _changed(since: str, bank: Bank) -> list[Problem] | None:
    from mlkata.mutation.changed import GitError, changed_paths, last_doc_commit, touched

    target = doc_path()
    if target is None:
        print("mlkata mutate: --changed-since needs the source checkout", file=sys.stderr)
        return None
    root = target.parent.parent
    try:
        base = last_doc_commit(root) if since == "doc" else since
        ids = touched(changed_paths(root, base), bank.problems)
    except GitError as exc:
        print(f"mlkata mutate: {exc}", file=sys.stderr)
        return None
    chosen = list(bank.problems.values()) if ids is None else [bank.get(pid) for pid in ids]
    why = "the judge or the mutation tool changed: every problem" if ids is None else f"{len(chosen)} problem(s) changed"
    print(f"since {base[:12]}: {why}", file=sys.stderr)
    return chosen


def doc_path() -> Path | None:
    """``docs/test-strength.md`` of the source checkout the bank comes from (None when installed)."""
    from mlkata.bank import default_roots

    for root in default_roots():
        if (root.parent / "docs").is_dir():
            return root.parent / DOC
    return None


def run_checks(
    problems: Sequence[Problem], options: Options, jobs: int | None, cap: int = DEFAULT_CAP, quiet: bool = False
) -> tuple[list[ProblemCheck], float]:
    """Check the problems in one batch session, printing each as it ends (unless ``quiet``); and the seconds taken."""
    from mlkata.judge.batch import Batch
    from mlkata.mutation.check import check_bank
    from mlkata.mutation.report import format_check

    roots = sorted({p.path.parent for p in problems})
    width = max((len(p.id) for p in problems), default=0)

    async def run() -> list[ProblemCheck]:
        async with Batch(options, roots, jobs, torch=any(p.kind == "torch" for p in problems)) as batch:
            if not quiet:
                print(f"mutation-testing {len(problems)} problems, {batch.jobs} runs at a time", flush=True)
            echo = (lambda c: None) if quiet else (lambda c: print(format_check(c, width), flush=True))
            return await check_bank(problems, batch, cap, echo)

    start = time.monotonic()
    checks = asyncio.run(run())
    return checks, time.monotonic() - start


def check_after_validation(problems: Sequence[Problem], options: Options, jobs: int | None) -> bool:
    """``mlkata validate --mutants``: the mutation check of the problems; True when every one passes."""
    from mlkata.mutation.report import summary

    print()
    checks, seconds = run_checks(problems, options, jobs)
    print(summary(checks, seconds))
    return all(c.passed for c in checks)


def _list(problems: Sequence[Problem], cap: int) -> int:
    from mlkata.mutation.generate import generate, sample

    for problem in problems:
        mutants = generate(problem.solution)
        judged = sample(mutants, cap)
        capped = f", {len(judged)} judged (the cap)" if len(judged) < len(mutants) else ""
        print(f"{problem.id}: {len(mutants)} mutants{capped}")
        for m in judged:
            print(f"  {m.id}  {m.description}")
    return 0


def cmd_mutate(args: argparse.Namespace) -> int:
    """Generate each problem's mutants, judge them, print the figures and survivors; 1 when a problem fails."""
    from mlkata.mutation.doc import render, stamp
    from mlkata.mutation.report import summary, to_json

    bank = _bank(args)
    problems = _selected(args, bank)
    if problems is None:
        return 2
    if not problems:
        print("no problem to check")
        return 0
    if args.list:
        return _list(problems, args.max_mutants)
    target = doc_path() if args.write_doc else None
    if args.write_doc and target is None:
        print("mlkata mutate: --write-doc needs the source checkout (its docs folder); none found", file=sys.stderr)
        return 2
    options = Options(python=args.python or sys.executable, time_multiplier=args.time_multiplier)
    checks, seconds = run_checks(problems, options, args.jobs, args.max_mutants, quiet=args.json)
    if args.json:
        print(json.dumps([to_json(c) for c in checks], indent=2))
    else:
        print()
        print(summary(checks, seconds))
    if target is not None:
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        target.write_text(render(checks, existing, set(bank.problems), stamp(checks, seconds)), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr if args.json else sys.stdout)
    return 0 if all(c.passed for c in checks) else 1
