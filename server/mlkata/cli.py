"""Command-line interface: ``mlkata list | show | new | check | repro | validate`` (and the review queue's commands, :mod:`mlkata.cli_review`; ``doctor``, :mod:`mlkata.cli_doctor`; ``mutate``, :mod:`mlkata.cli_mutate`; ``watch``, :mod:`mlkata.cli_watch`)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlkata import __version__, cli_completion, cli_doctor, cli_mutate, cli_practice, cli_watch
from mlkata.binding import SolutionError, create_solution, read_solution, solution_name
from mlkata.cli_common import bank as _bank
from mlkata.cli_common import problem as _problem
from mlkata.cli_format import format_report
from mlkata.cli_review import add_commands
from mlkata.judge.options import Options

if TYPE_CHECKING:
    pass


def cmd_list(args: argparse.Namespace) -> int:
    """Print the problems (the filters applied): id, difficulty, kind, minutes, topics; or JSON, or only the ids."""
    problems = cli_practice.select(_bank(args), args)
    if args.ids:
        for p in problems:
            print(p.id)
        return 0
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.id,
                        "title": p.title,
                        "difficulty": p.difficulty,
                        "kind": p.kind,
                        "topics": list(p.topics),
                        "area": p.area,
                        "suggested_minutes": p.suggested_minutes,
                    }
                    for p in problems
                ],
                indent=2,
            )
        )
        return 0
    width = max((len(p.id) for p in problems), default=2)
    for p in problems:
        print(f"{p.id:<{width}}  {p.difficulty:<6}  {p.kind:<6}  {p.suggested_minutes:>3} min  {', '.join(p.topics)}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print a problem's statement with its metadata."""
    p = _problem(args)
    print(f"{p.title}  [{p.id}; {p.difficulty}; {p.suggested_minutes} min; {', '.join(p.topics)}]")
    print(f"Entry point: {p.entry_point}   Tests: {len(p.test_names)}   Models: {p.origin}\n")
    print(p.statement.rstrip())
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write the starter (with its binding marker) to a new file; never overwrite."""
    p = _problem(args)
    path = Path(args.path) if args.path else Path(solution_name(p.id))
    if path.is_dir():
        path = path / solution_name(p.id)
    try:
        create_solution(path, p.id, p.starter)
    except FileExistsError:
        print(f"mlkata: {path} already exists; not overwriting it (choose another path)", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"mlkata: cannot write {path}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {path}: implement `{p.entry_point}`, then run: mlkata check {p.id} {path}")
    return 0


def _read_source(path: Path) -> str:
    try:
        return read_solution(path)
    except SolutionError as exc:
        raise SystemExit(f"mlkata: {exc}") from None


def _options(args: argparse.Namespace) -> Options:

    return Options(python=args.python or sys.executable, time_multiplier=args.time_multiplier)


def cmd_check(args: argparse.Namespace) -> int:
    """Judge a file against a problem's hidden tests."""
    from mlkata.judge.engine import judge
    from mlkata.judge.options import JudgeError

    p = _problem(args)
    path = Path(args.file)
    source = _read_source(path)
    try:
        report = asyncio.run(judge(p, source, str(path.resolve()), _options(args)))
    except JudgeError as exc:
        print(f"mlkata: {exc}", file=sys.stderr)
        return 2
    recorder = cli_watch.Recorder.for_args(args)  # recorded before it is shown, as the editor does
    recorder.record(p, report, source)
    recorder.close()
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(format_report(report, str(path)))
    return 0 if report.passed == report.total else 1


def cmd_repro(args: argparse.Namespace) -> int:
    """Write a script that reruns one hidden test on a solution file (to debug it)."""
    from mlkata.judge.engine import write_repro
    from mlkata.judge.options import JudgeError
    from mlkata.judge.repro import ReproError

    p = _problem(args)
    path = Path(args.file)
    if not path.is_file():
        print(f"mlkata: {path} is not a file", file=sys.stderr)
        return 2
    try:
        out = asyncio.run(write_repro(p, args.test, path, _options(args), Path(args.output) if args.output else None))
    except (ReproError, JudgeError) as exc:
        print(f"mlkata: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"mlkata: cannot write the script: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}: run it (or debug it) with: {args.python or sys.executable} {out}")
    return 0


def default_solutions() -> Path | None:
    """The golden solutions of a source checkout (``tests/solutions`` beside ``problems/``), if any."""
    from mlkata.bank import default_roots

    for root in default_roots():
        folder = root.parent / "tests" / "solutions"
        if folder.is_dir():
            return folder
    return None


def cmd_validate(args: argparse.Namespace) -> int:
    """Check the whole bank in one batch session: references pass, starters fail, mistakes are named, golden files as stated."""
    import time

    from mlkata.bank.cards import load_cards
    from mlkata.bank.cards import summary as card_summary
    from mlkata.bank.validate import ProblemResult, summary, validate_bank
    from mlkata.judge.batch import Batch

    bank = _bank(args)
    ids = args.ids or list(bank.problems)
    problems = []
    for pid in ids:
        try:
            problems.append(bank.get(pid))
        except KeyError as exc:
            print(f"mlkata: {exc.args[0]}", file=sys.stderr)
            return 2
    solutions = None if args.bank_only else (Path(args.solutions) if args.solutions else default_solutions())
    if solutions is not None and not solutions.is_dir():
        print(f"mlkata: --solutions {solutions} is not a folder", file=sys.stderr)
        return 2
    roots = sorted({p.path.parent for p in problems})

    async def run() -> tuple[list[ProblemResult], int]:
        torch = any(p.kind == "torch" for p in problems)
        async with Batch(_options(args), roots, args.jobs, torch=torch) as batch:
            golden = f" and the golden solutions in {solutions}" if solutions else ""
            print(f"validating {len(problems)} problems{golden}, {batch.jobs} runs at a time", flush=True)
            return await validate_bank(problems, batch, solutions, echo=lambda line: print(line, flush=True)), batch.jobs

    start = time.monotonic()
    results, jobs = asyncio.run(run())
    print()
    print(summary(results, time.monotonic() - start, jobs))
    valid = sum(1 for r in results if r.valid)
    broken = len(bank.errors) if not args.ids else 0
    cards = load_cards(sorted({p.path.parent for p in bank.problems.values()}), bank.problems)
    print("\n".join(card_summary(cards)))
    print(f"{valid}/{len(problems)} problems valid" + (f"; {broken} failed to load" if broken else ""))
    if cards.errors:
        print(f"{len(cards.errors)} cards failed to load")
    mutants_ok = not args.mutants or cli_mutate.check_after_validation(problems, _options(args), args.jobs)
    return 0 if valid == len(problems) and not broken and not cards.errors and mutants_ok else 1


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the language server over stdio."""
    from mlkata.server.app import main as serve

    return serve()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = argparse.ArgumentParser(prog="mlkata", description="Practise ML interview coding rounds against hidden tests.")
    parser.add_argument("--version", action="version", version=f"mlkata {__version__}")
    parser.add_argument(
        "--problems", action="append", metavar="DIR", help="extra problems folder (repeatable), loaded on top of the bundled bank"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("list", help="list the problems")
    p.add_argument("--json", action="store_true", help="print JSON")
    cli_practice.add_list_filters(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="print a problem's statement")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("new", help="write a problem's starter to a new file")
    p.add_argument("id")
    p.add_argument("path", nargs="?", help="file or folder (default: ./<id>.py)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("serve", help="run the language server over stdio (for editors)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("repro", help="write a script that reruns one hidden test on your file, to debug it")
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("test", help="the hidden test's name (as mlkata check prints it)")
    p.add_argument("-o", "--output", help="where to write the script (default: .mlkata/repro_<test>.py beside the file)")
    p.add_argument("--python", help="interpreter to show in the run command, and that computes the expected output")
    p.add_argument("--time-multiplier", type=float, default=1.0, help="scale every time limit")
    p.set_defaults(func=cmd_repro)

    for name, func, help_text in (
        ("check", cmd_check, "judge a solution file against the hidden tests"),
        ("validate", cmd_validate, "check the whole bank: references pass, starters fail, mistakes and golden files as stated"),
    ):
        p = sub.add_parser(name, help=help_text)
        if name == "check":
            p.add_argument("id")
            p.add_argument("file")
            p.add_argument("--json", action="store_true", help="print one JSON object")
        else:
            p.add_argument("ids", nargs="*", help="only these problems")
            p.add_argument(
                "--solutions", metavar="DIR", help="golden solutions, DIR/<id>/*.py (default: the checkout's tests/solutions)"
            )
            p.add_argument("--bank-only", action="store_true", help="judge the bank's own files only, no golden solutions")
            p.add_argument("-j", "--jobs", type=int, help="runs at a time (default: one per core)")
            p.add_argument("--mutants", action="store_true", help="then mutation-test each reference (mlkata mutate)")
        p.add_argument("--python", help="interpreter that runs the solution (default: this one)")
        p.add_argument("--time-multiplier", type=float, default=1.0, help="scale every time limit")
        p.set_defaults(func=func)
    add_commands(sub)
    for module in (cli_doctor, cli_mutate, cli_watch, cli_practice):
        module.add_commands(sub)
    cli_completion.add_commands(sub, parser)
    return parser


def _reader_gone() -> int:
    """Standard output's reader went away: what is still buffered goes to /dev/null (no error at exit); 141."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return 141


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mlkata`` command; its exit statuses are the table of docs/cli.md.

    An error message (``SystemExit("mlkata: ...")``) exits 2, Ctrl-C 130 without a traceback, and a
    command whose reader went away (``mlkata list | head -1``) ends quietly with 141 (128 + SIGPIPE), as
    a process killed by SIGPIPE does; not ``serve``, whose standard output is the editor's channel.
    """
    from mlkata import i18n

    i18n.set_locale(i18n.from_env())
    try:
        args = build_parser().parse_args(argv)
        if args.command == "serve":
            return int(args.func(args))
        try:
            status = int(args.func(args))
            sys.stdout.flush()
        except BrokenPipeError:
            return _reader_gone()
        return status
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        if not isinstance(exc.code, str):
            raise
        print(exc.code, file=sys.stderr)
        return 2
