"""Practice on the command line by the editor's rules, in its progress database: ``mlkata hint | followups | progress``.

Hints unlock by :mod:`mlkata.hints` (the editor's rule and defaults); a hint shown here is recorded as
the editor records one (also in the running mock interview's round); a give-up is recorded and graded
in the review queue as the editor does; ``progress`` prints the numbers of the editor's progress page
(:mod:`mlkata.progress`). The filters of ``mlkata list`` are here too (:func:`select`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from mlkata import hints
from mlkata.bank.model import AREAS, DIFFICULTIES, KINDS
from mlkata.cli_common import bank as load
from mlkata.cli_common import open_store, problem
from mlkata.i18n import t, tn

if TYPE_CHECKING:
    from mlkata.bank import Bank, Problem
    from mlkata.mock import MockSession
    from mlkata.store import Store


def select(bank: Bank, args: argparse.Namespace) -> list[Problem]:
    """The problems ``mlkata list`` shows: by area, difficulty and kind (each repeatable), unsolved only."""
    chosen = [
        p
        for p in bank.problems.values()
        if (not args.area or p.area in args.area)
        and (not args.difficulty or p.difficulty in args.difficulty)
        and (not args.kind or p.kind in args.kind)
    ]
    if args.unsolved:
        store = open_store(args)
        stats = store.problem_stats()
        store.close()
        chosen = [p for p in chosen if not stats.get(p.id, {}).get("solved")]
    return chosen


def add_list_filters(p: argparse.ArgumentParser) -> None:
    """The filters and forms of ``mlkata list`` (an unknown value is a usage error naming the valid ones)."""
    p.add_argument("--area", action="append", choices=list(AREAS), help="only this catalogue area (repeatable)")
    p.add_argument("--difficulty", action="append", choices=DIFFICULTIES, help="only this difficulty (repeatable)")
    p.add_argument("--kind", action="append", choices=KINDS, help="only this kind of problem (repeatable)")
    p.add_argument("--unsolved", action="store_true", help="only problems not solved yet (in the progress database)")
    p.add_argument("--ids", action="store_true", help="print only the ids, one a line (for scripts and shell completion)")
    p.add_argument("--database", metavar="FILE", help="the progress database (default: the user's)")


def _active_mock(store: Store) -> MockSession | None:
    """The unfinished mock interview in the store, as a freshly started editor resumes it."""
    from mlkata.mock import MockSession

    state = store.active_mock()
    return MockSession(state) if state else None


def cmd_hint(args: argparse.Namespace) -> int:
    """Reveal the next hint if the effort so far unlocks it; print every hint shown so far (1: locked)."""
    p, store, now = problem(args), open_store(args), time.time()
    taken = store.hints_taken(p.id)
    exhausted = taken >= len(p.hints)
    locked = None
    if not exhausted:
        failed, since = store.effort(p.id)
        locked = hints.lock(taken, failed, since, now, args.after_runs, args.after_minutes)
    if locked is None and not exhausted:
        mock = _active_mock(store)
        store.record_hint(p.id, taken, mock.id if mock else None, at=now)
        deadline = mock.next_deadline() if mock else None
        if mock is not None and deadline is not None and deadline > now:
            mock.record_hint(p.id)  # counted in the open round, as the editor counts it
            s = mock.state
            store.save_mock(mock.id, s["interview"], s["startedAt"], s["finishedAt"], s)
        taken += 1
    answer = hints.hints_json(p, taken, exhausted, locked)
    if args.json:
        print(json.dumps(answer, indent=2, ensure_ascii=False))
        return 1 if locked else 0
    blocks = []
    for n, hint in enumerate(answer["revealed"], 1):
        new = n == taken and locked is None and not exhausted
        heading = t("cli.hint.heading", n=n, total=len(p.hints), title=hint["title"]) + (t("cli.hint.new") if new else "")
        blocks.append(f"{heading}\n{hint['text'].rstrip()}")
    if locked:
        blocks.append(locked)
    elif exhausted:
        blocks.append(tn("cli.hint.exhausted", len(p.hints)) if p.hints else t("cli.hint.none", id=p.id))
    print("\n\n".join(blocks))
    return 1 if locked else 0


def cmd_followups(args: argparse.Namespace) -> int:
    """The follow-up questions, model answers and reference solution: after a pass, or with --give-up (1: locked)."""
    p, store, now = problem(args), open_store(args), time.time()
    mock = _active_mock(store)
    if mock is not None and not mock.finished and (mock.current() or {}).get("problem") == p.id:
        print(f"mlkata: {t('cli.followups.inRound', id=p.id)}", file=sys.stderr)
        return 1
    unlocked = store.unlocked(p.id)
    if not unlocked and not args.give_up:
        print(f"mlkata: {t('cli.followups.locked', id=p.id)}", file=sys.stderr)
        return 1
    if not unlocked:
        from mlkata.review import ReviewQueue

        store.record_giveup(p.id)
        ReviewQueue(store).give_up(p.id, now)
    answer = hints.followups_json(p)
    if args.json:
        print(json.dumps(answer, indent=2, ensure_ascii=False))
        return 0
    print(f"{p.title} [{p.id}]\n")
    for n, item in enumerate(answer["followups"], 1):
        print(f"{n}. {item['question']}")
        print("   " + item["answer"].strip().replace("\n", "\n   ") + "\n")
    print(t("cli.followups.solution") + "\n")
    print(answer["solution"].rstrip())
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    """What the editor's progress page shows, from the same database."""
    from mlkata.bank.cards import load_cards
    from mlkata.progress import summary

    bank, store = load(args), open_store(args)
    cards = load_cards(sorted({p.path.parent for p in bank.problems.values()}), bank.problems)
    data = summary(store, bank, cards.cards, time.time())
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print("\n".join(progress_lines(data)))
    return 0


def _table(title: str, table: dict[str, dict[str, int]]) -> list[str]:
    width = max([len(title), *(len(k) for k in table)])
    head = f"{title:<{width}}  {t('cli.progress.solved'):>8}  {t('cli.progress.attempted'):>9}  {t('cli.progress.total'):>5}"
    rows = [f"{k:<{width}}  {v['solved']:>8}  {v['attempted']:>9}  {v['total']:>5}" for k, v in table.items()]
    return ["", head, *rows]


def progress_lines(data: dict[str, Any]) -> list[str]:
    """The human form of :func:`mlkata.progress.summary`."""
    lines = [t("cli.progress.totals", solved=data["solved"], attempted=data["attempted"], total=data["total"])]
    lines.append(tn("cli.progress.streak", data["streakDays"]) + " · " + tn("cli.progress.days", data["days"]))
    ordered = {d: data["byDifficulty"][d] for d in DIFFICULTIES if d in data["byDifficulty"]}
    lines += _table(t("cli.progress.byDifficulty"), ordered) + _table(t("cli.progress.byArea"), data["byArea"])
    review = data["review"]
    if review:
        lines += ["", t("cli.progress.review", now=review["dueNow"], today=review["dueToday"], week=review["dueThisWeek"])]
    if data["recentRuns"]:
        lines += ["", t("cli.progress.recent")]
    for run in data["recentRuns"]:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(run["at"]))
        lines.append(f"  {when}  {run['problem']:<32} {run['verdict']:<15} {run['passed']}/{run['total']}")
    return lines


def _at_least_zero(kind: type[int] | type[float], high: float) -> Any:
    """An argument type: a number from 0 to high (the editor's setting's range)."""

    def convert(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected {'a whole number' if kind is int else 'a number'}, got {text!r}"
            ) from None
        if not 0 <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from 0 to {high:g}, got {text}")
        return value

    return convert


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``hint``, ``followups`` and ``progress``."""
    p = sub.add_parser("hint", help="the next hint of a problem, unlocked by effort as in the editor")
    p.add_argument("id")
    runs, minutes = _at_least_zero(int, 1000), _at_least_zero(float, 600)
    p.add_argument("--after-runs", type=runs, default=hints.DEFAULT_RUNS, metavar="N", help="hint n+1 after n x N failed runs")
    p.add_argument(
        "--after-minutes", type=minutes, default=hints.DEFAULT_MINUTES, metavar="M", help="...or n x M minutes of work"
    )
    p.set_defaults(func=cmd_hint)
    p = sub.add_parser("followups", help="follow-up questions, model answers and the solution (after a pass or --give-up)")
    p.add_argument("id")
    p.add_argument("--give-up", action="store_true", help="give up on the problem (recorded; it comes back for review)")
    p.set_defaults(func=cmd_followups)
    p = sub.add_parser("progress", help="solved and attempted problems by difficulty and area, streak, reviews due")
    p.set_defaults(func=cmd_progress)
    for name in ("hint", "followups", "progress"):
        sub.choices[name].add_argument("--json", action="store_true", help="print one JSON object")
        sub.choices[name].add_argument("--database", metavar="FILE", help="the progress database (default: the user's)")
