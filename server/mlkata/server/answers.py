"""The answer file of a mock interview's spoken phases: one section per question, read back when a phase closes.

A round's questions phase writes ``round-N-answers.md`` in the interview's folder with a section per
question (``## Q1. ...``); its follow-ups phase appends theirs (``## F1. ...``). When a phase closes,
each section's text is the answer; an answer to a concept card is checked for the card's key points
(a keyword match, a hint and not a grade) and graded into the review queue by their share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import fsrs

from mlkata.bank.cards import Card, matched_points
from mlkata.i18n import t

PREFIX = {"questions": "Q", "followups": "F"}


def file_name(round_number: int) -> str:
    """The answer file of an interview round."""
    return f"round-{round_number}-answers.md"


def header(title: str, round_number: int) -> str:
    """The answer file's title and what to do in it."""
    return f"# {t('answers.header', title=title, n=round_number)}\n\n{t('answers.intro')}\n"


def sections(phase: Mapping[str, Any]) -> str:
    """The phase's questions as empty sections to answer in."""
    prefix = PREFIX[phase["kind"]]
    return "".join(f"\n## {prefix}{n}. {q['question']}\n\n" for n, q in enumerate(phase["questions"], 1))


def write_sections(path: Path, title: str, phase: Mapping[str, Any]) -> None:
    """Create the round's answer file (or add the phase's sections to it), never touching what is written."""
    if not path.exists():
        path.write_text(header(title, phase["round"]), encoding="utf-8")
    with open(path, "a", encoding="utf-8") as f:
        f.write(sections(phase))


def parse(text: str, kind: str, count: int) -> list[str]:
    """The answer under each of the phase's ``count`` sections (empty when a section is missing)."""
    prefix = PREFIX[kind]
    found: dict[int, list[str]] = {}
    current: int | None = None
    for line in text.splitlines():
        heading = re.match(r"^##\s+([QF])(\d+)\.", line)
        if heading:
            current = int(heading[2]) if heading[1] == prefix else None
            if current is not None:
                found.setdefault(current, [])
            continue
        if line.startswith("# "):
            current = None
        elif current is not None:
            found[current].append(line)
    return ["\n".join(found.get(n, [])).strip() for n in range(1, count + 1)]


def checked(phase: Mapping[str, Any], answers: list[str], cards: Mapping[str, Card]) -> list[dict[str, Any]]:
    """Per question: the answer given, the key points it seems to mention, and the model answer."""
    out = []
    for asked, answer in zip(phase["questions"], answers, strict=True):
        card = cards.get(asked["card"]) if asked.get("card") else None
        ticks = matched_points(answer, card) if card is not None else []
        out.append(
            {
                "question": asked["question"],
                "card": asked.get("card"),
                "answer": answer,
                "points": [{"text": p.text, "mentioned": t} for p, t in zip(card.points, ticks, strict=True)] if card else [],
                "mentioned": sum(ticks),
                "model": card.answer if card is not None else None,
            }
        )
    return out


def rating(entry: Mapping[str, Any]) -> fsrs.Rating:
    """A card's grade from an interview answer: all key points Good, half or more Hard, else (or blank) Again."""
    points = len(entry["points"])
    if not entry["answer"] or not points or entry["mentioned"] * 2 < points:
        return fsrs.Rating.Again
    return fsrs.Rating.Good if entry["mentioned"] == points else fsrs.Rating.Hard
