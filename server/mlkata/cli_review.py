"""The review queue on the command line: ``mlkata review | next | export | import``."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlkata import cli_common
from mlkata.bank.cards import Card, Cards, load_cards, reveal
from mlkata.cli_common import open_store as _store
from mlkata.review import RATINGS, Item, ReviewQueue


def _cards(args: argparse.Namespace) -> Cards:
    from mlkata.bank import load_bank

    roots = cli_common.roots(args)
    cards = load_cards(roots, load_bank(roots).problems)
    for error in cards.errors:
        print(f"warning: {error}", file=sys.stderr)
    return cards


def _describe(item: Item, cards: Cards) -> str:
    if item.kind == "card":
        return f"card {item.id} ({cards.cards[item.id].topic}): {cards.cards[item.id].question}"
    return f"problem {item.id}: solve it again (mlkata new {item.id})"


def cmd_next(args: argparse.Namespace) -> int:
    """Print the next due item and how many are due."""
    cards, store = _cards(args), _store(args)
    queue = ReviewQueue(store).queue(list(cards.cards), time.time())
    if not queue:
        print("nothing is due: every card and solved problem is scheduled later")
        return 0
    print(f"{len(queue)} due; next: {_describe(queue[0], cards)}")
    return 0


def _read_answer(args: argparse.Namespace, card: Card) -> str:
    if args.answer is not None:
        return str(args.answer)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if args.editor and editor:
        with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False, encoding="utf-8") as f:
            f.write(f"<!-- {card.question} -->\n\n")
        try:
            subprocess.run([*shlex.split(editor), f.name], check=False)
            text = Path(f.name).read_text(encoding="utf-8")
        finally:
            os.unlink(f.name)
        return text.split("-->", 1)[-1].strip()
    print("Your answer (end with an empty line, or Ctrl-D):")
    lines = []
    for line in sys.stdin:
        if not line.strip():
            break
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


def _read_grade(args: argparse.Namespace) -> str:
    if args.grade:
        return str(args.grade)
    names = list(RATINGS)
    while True:
        print("Grade yourself: 1 again, 2 hard, 3 good, 4 easy: ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            raise SystemExit("mlkata: no grade given; nothing recorded")
        choice = line.strip().lower()
        if choice in names:
            return choice
        if choice in ("1", "2", "3", "4"):
            return names[int(choice) - 1]


def cmd_review(args: argparse.Namespace) -> int:
    """Review the next due card: question, your answer, the model answer and key points, your grade."""
    cards, store = _cards(args), _store(args)
    queue = ReviewQueue(store)
    pool = [c for c, card in cards.cards.items() if not args.deck or card.deck == args.deck]
    item = queue.next_due(pool, time.time())
    if item is None:
        print("nothing is due" + (f" in deck {args.deck}" if args.deck else ""))
        return 0
    if item.kind == "problem":
        print(f"Next due is a problem: {item.id}. Solve it again: mlkata new {item.id}, then mlkata check {item.id} FILE.")
        return 0
    card = cards.cards[item.id]
    print(f"[{card.deck} · {card.topic} · {card.difficulty}] {card.question}\n")
    answer = _read_answer(args, card)
    queue.record_answer(card.id, answer, time.time())
    shown = reveal(card, answer)
    print("\nModel answer:\n" + card.answer + "\n")
    for point in shown["points"]:
        print(f"  [{'x' if point['mentioned'] else ' '}] {point['text']}")
    print(f"\n{shown['note']}\nSource: {card.source}\n")
    grade = _read_grade(args)
    done = queue.grade("card", card.id, RATINGS[grade], time.time(), answer=answer)
    print(f"graded {grade}: next review {time.strftime('%Y-%m-%d %H:%M', time.localtime(done.due))}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the progress database as JSON (never over an existing file)."""
    from mlkata.transfer import export_progress

    text = export_progress(_store(args))
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    try:
        with open(args.file, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        print(f"mlkata: {args.file} exists; choose a new file name (export never overwrites)", file=sys.stderr)
        return 1
    print(f"exported to {args.file}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Fill an empty progress database from an export (never over existing progress)."""
    from mlkata.transfer import TransferError, import_progress

    try:
        text = Path(args.file).read_text(encoding="utf-8")
        counts = import_progress(_store(args), text)
    except (OSError, UnicodeDecodeError, TransferError) as exc:
        print(f"mlkata: cannot import {args.file}: {exc}", file=sys.stderr)
        return 1
    print("imported " + ", ".join(f"{n} {t}" for t, n in counts.items() if n))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the review commands on the ``mlkata`` parser."""
    p = sub.add_parser("review", help="review the next due concept card (answer, reveal, grade yourself)")
    p.add_argument("--deck", help="only cards of this deck")
    p.add_argument("--answer", help="your answer (default: typed in, or $EDITOR with --editor)")
    p.add_argument("--editor", action="store_true", help="write the answer in $VISUAL / $EDITOR")
    p.add_argument("--grade", choices=list(RATINGS), help="your grade (default: asked after the reveal)")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("next", help="what is due next in the review queue (cards and solved problems)")
    p.set_defaults(func=cmd_next)
    p = sub.add_parser("export", help="write all progress to a JSON file (- for standard output)")
    p.add_argument("file")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="fill an empty progress database from an export")
    p.add_argument("file")
    p.set_defaults(func=cmd_import)
    for name in ("review", "next", "export", "import"):
        sub.choices[name].add_argument("--database", metavar="FILE", help="the progress database (default: the user's)")
