"""Concept cards: the spoken questions of an interview, with a model answer and its key points.

Authored cards live in ``problems/concepts/<deck>/<card-id>.toml`` (``deck.toml`` beside them gives
the deck's title); every follow-up question of a problem is a card too (deck ``followups``, linked
to its problem). The format is in ``docs/authoring.md``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from mlkata.bank.model import DIFFICULTIES, Problem

CONCEPTS = "concepts"
"""The folder of a problems root that holds the decks (never a problem)."""
FOLLOWUPS_DECK = "followups"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIELDS = ("question", "answer", "topic", "difficulty", "source", "points")
OPTIONAL = ("problems",)
MIN_POINTS, MAX_POINTS = 3, 6


class CardError(Exception):
    """A card that cannot be loaded: says which file, which field, and why."""

    def __init__(self, path: Path, message: str, field: str | None = None) -> None:
        super().__init__(f"{path}" + (f": field '{field}'" if field else "") + f": {message}")


@attrs.frozen
class KeyPoint:
    """One thing a good answer says, and the phrasings that count as saying it."""

    text: str
    phrases: tuple[str, ...]


@attrs.frozen
class Card:
    """One concept question."""

    id: str
    deck: str
    question: str
    answer: str
    """The model answer (Markdown, math allowed)."""
    points: tuple[KeyPoint, ...]
    topic: str
    difficulty: str
    problems: tuple[str, ...]
    """Related problems (ids): a named mistake made on one makes this card due."""
    source: str
    """Where the answer can be checked: paper and section, or documentation."""
    path: Path | None = None


@attrs.frozen
class Deck:
    id: str
    title: str
    cards: tuple[str, ...]


@attrs.frozen
class Cards:
    """Every card that loaded (authored, then the problems' follow-ups), the decks, and the errors."""

    cards: dict[str, Card]
    decks: dict[str, Deck]
    errors: tuple[str, ...] = ()

    def linked(self, problem_id: str) -> list[str]:
        """The ids of the cards linked to a problem (those a named classic mistake of it makes due)."""
        return [c.id for c in self.cards.values() if problem_id in c.problems]


def load_cards(roots: Iterable[Path], problems: Mapping[str, Problem]) -> Cards:
    """The decks under each root's ``concepts/`` folder, and a card per follow-up of each problem."""
    cards: dict[str, Card] = {}
    decks: dict[str, Deck] = {}
    errors: list[str] = []
    for root in roots:
        folder = Path(root) / CONCEPTS
        if not folder.is_dir():
            continue
        for deck_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            loaded = _load_deck(deck_dir, problems, cards, errors)
            if loaded is not None:
                decks[loaded.id] = loaded
    followups = _followup_cards(problems)
    for card in followups:
        cards.setdefault(card.id, card)
    if followups:
        decks[FOLLOWUPS_DECK] = Deck(FOLLOWUPS_DECK, "Follow-up questions of the problems", tuple(c.id for c in followups))
    return Cards(cards, decks, tuple(errors))


def _load_deck(folder: Path, problems: Mapping[str, Problem], cards: dict[str, Card], errors: list[str]) -> Deck | None:
    try:
        meta = _toml(folder / "deck.toml")
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            raise CardError(folder / "deck.toml", "expected a non-empty string", "title")
    except CardError as exc:
        errors.append(str(exc))
        return None
    ids = []
    for path in sorted(folder.glob("*.toml")):
        if path.name == "deck.toml":
            continue
        try:
            card = load_card(path, folder.name, problems)
            if card.id in cards:
                raise CardError(path, f"duplicate id: {card.id!r} is also {cards[card.id].path}", "id")
        except CardError as exc:
            errors.append(str(exc))
            continue
        cards[card.id] = card
        ids.append(card.id)
    return Deck(folder.name, title.strip(), tuple(ids))


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CardError(path, "missing file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CardError(path, f"invalid TOML: {exc}") from None


def _text(meta: dict[str, Any], key: str, path: Path) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CardError(path, "missing" if value is None else "expected a non-empty string", key)
    return value.strip()


def load_card(path: Path, deck: str, problems: Mapping[str, Problem]) -> Card:
    """One card file, every field checked (the error names the file and the field)."""
    meta = _toml(path)
    card_id = path.stem
    if not ID_RE.match(card_id):
        raise CardError(path, f"{card_id!r} is not a kebab-case id (the file name is the card's id)")
    for key in meta:
        if key not in FIELDS and key not in OPTIONAL:
            raise CardError(path, f"unknown field (known: {', '.join(FIELDS + OPTIONAL)})", key)
    difficulty = _text(meta, "difficulty", path)
    if difficulty not in DIFFICULTIES:
        raise CardError(path, f"{difficulty!r} is not one of {', '.join(DIFFICULTIES)}", "difficulty")
    linked = meta.get("problems", [])
    if not isinstance(linked, list) or not all(isinstance(p, str) for p in linked):
        raise CardError(path, "expected a list of problem ids", "problems")
    unknown = [p for p in linked if p not in problems]
    if unknown:
        raise CardError(path, f"no such problem: {', '.join(unknown)}", "problems")
    return Card(
        id=card_id,
        deck=deck,
        question=_text(meta, "question", path),
        answer=_text(meta, "answer", path),
        points=_points(meta.get("points"), path),
        topic=_text(meta, "topic", path),
        difficulty=difficulty,
        problems=tuple(linked),
        source=_text(meta, "source", path),
        path=path,
    )


def _points(value: Any, path: Path) -> tuple[KeyPoint, ...]:
    if not isinstance(value, list) or not MIN_POINTS <= len(value) <= MAX_POINTS:
        got = f"{len(value)}" if isinstance(value, list) else "none"
        raise CardError(path, f"expected {MIN_POINTS} to {MAX_POINTS} [[points]] tables, got {got}", "points")
    points = []
    for n, point in enumerate(value, 1):
        text = point.get("text") if isinstance(point, dict) else None
        phrases = point.get("phrases") if isinstance(point, dict) else None
        unknown = sorted(set(point) - {"text", "phrases"}) if isinstance(point, dict) else []
        if unknown:
            raise CardError(path, f"point {n}: unknown field {unknown[0]!r} (known: text, phrases)", "points")
        if not isinstance(text, str) or not text.strip():
            raise CardError(path, f"point {n}: 'text' must be a non-empty string", "points")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise CardError(path, f"point {n}: 'phrases' must be a non-empty list of non-empty strings", "points")
        points.append(KeyPoint(text.strip(), tuple(p.strip() for p in phrases)))
    return tuple(points)


def _followup_cards(problems: Mapping[str, Problem]) -> list[Card]:
    """A card per follow-up question of each problem (no key points: the model answer is the reference)."""
    out = []
    for problem in problems.values():
        for n, f in enumerate(problem.followups, 1):
            out.append(
                Card(
                    id=f"{problem.id}-followup-{n}",
                    deck=FOLLOWUPS_DECK,
                    question=f.question,
                    answer=f.answer,
                    points=(),
                    topic=problem.topics[0] if problem.topics else problem.area,
                    difficulty=problem.difficulty,
                    problems=(problem.id,),
                    source=f"{problem.title}: follow-up {n} ({problem.path / 'followups.md'})",
                    path=problem.path / "followups.md",
                )
            )
    return out


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _normal(text: str) -> str:
    """Lower case, every run of characters other than letters, digits and CJK made one space."""
    return " " + " ".join(re.sub(r"[^\w\u3400-\u9fff]+", " ", text.lower()).split()) + " "


def mentions(answer: str, phrase: str) -> bool:
    """Whether the answer mentions the phrase: as whole words (a plural too), or as a substring for Chinese."""
    text, wanted = _normal(answer), _normal(phrase).strip()
    if not wanted:
        return phrase.strip() != "" and phrase.strip() in answer
    if _CJK.search(wanted):
        return wanted.replace(" ", "") in text.replace(" ", "")
    return any(f" {wanted}{end} " in text for end in ("", "s", "es"))


def matched_points(answer: str, card: Card) -> list[bool]:
    """For each key point of the card: does the answer seem to mention it (any of its phrases)?

    A keyword match, a hint for the self-grade and not a grade: it cannot tell a point explained
    from a point named, or see a point said in other words.
    """
    return [any(mentions(answer, phrase) for phrase in point.phrases) for point in card.points]


KEYWORD_NOTE = "Ticked: the points your answer seems to mention (a keyword match: a hint for your own grade, not a grade)."


def reveal(card: Card, answer: str) -> dict[str, Any]:
    """What Reveal shows: the model answer, each key point with whether the answer seems to mention it."""
    ticks = matched_points(answer, card)
    return {
        "id": card.id,
        "question": card.question,
        "answer": card.answer,
        "points": [{"text": p.text, "mentioned": t} for p, t in zip(card.points, ticks, strict=True)],
        "mentioned": sum(ticks),
        "note": KEYWORD_NOTE if card.points else "This card has no key points: compare with the model answer.",
        "source": card.source,
        "topic": card.topic,
        "problems": list(card.problems),
    }


def summary(cards: Cards) -> list[str]:
    """Lines for ``mlkata validate``: cards per deck, authored and follow-ups, then every error."""
    authored = [c for c in cards.cards.values() if c.deck != FOLLOWUPS_DECK]
    lines = [
        f"cards     {len(authored)} authored in {len(cards.decks) - (FOLLOWUPS_DECK in cards.decks)} decks, "
        f"{len(cards.cards) - len(authored)} from the problems' follow-ups"
    ]
    for deck in cards.decks.values():
        if deck.id != FOLLOWUPS_DECK:
            topics = sorted({cards.cards[c].topic for c in deck.cards})
            lines.append(f"  {deck.id:<18} {len(deck.cards):>3}  {', '.join(topics)}")
    lines.extend(f"  error: {e}" for e in cards.errors)
    return lines
