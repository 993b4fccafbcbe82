"""Mock interviews: named sets of timed rounds, read from ``interviews.toml`` beside the problems.

Format (one ``[[interview]]`` table per interview)::

    [[interview]]
    id = "multimodal-search"
    title = "Multimodal search: ML coding loop"
    models = "which company round or loop it imitates"
    [[interview.round]]
    problem = "multi-head-attention"
    minutes = 25          # optional: the problem's suggested_minutes, which it must equal
    followups = ["an extra question the interviewer asks after this round", ...]

A malformed interview is reported (file, interview, field) and skipped; the others load.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from mlkata.bank.loader import ID_RE, ProblemError
from mlkata.bank.model import Problem

FILE_NAME = "interviews.toml"
INTERVIEW_FIELDS = {"id", "title", "models", "round"}
ROUND_FIELDS = {"problem", "minutes", "followups", "questions", "question_minutes", "followup_minutes"}


@attrs.frozen
class Round:
    """One round of a mock interview: spoken questions, then a coding task, then follow-ups on it (each optional)."""

    problem: str | None
    """Id of the problem solved in this round (None: a round of questions only)."""
    minutes: float
    """Time for the coding task (the problem's suggested minutes)."""
    followups: tuple[str, ...] = ()
    """Extra follow-up questions for this round (the problem's own follow-ups are asked too)."""
    questions: tuple[str, ...] = ()
    """Concept cards (ids) asked before the coding task, in a phase of their own."""
    question_minutes: float = 0.0
    """Time for the questions."""
    followup_minutes: float = 0.0
    """Time for a phase of follow-up questions on the code, after the coding task (0: none)."""


@attrs.frozen
class Interview:
    """A named mock interview."""

    id: str
    """Kebab-case identifier."""
    title: str
    """Human title."""
    models: str
    """Which real round or loop it imitates."""
    rounds: tuple[Round, ...]
    """One to three rounds, in order."""
    path: Path
    """The file it was read from."""


def load_interviews(
    roots: Iterable[Path], known: Mapping[str, Problem], cards: Mapping[str, Any] | None = None
) -> tuple[dict[str, Interview], list[ProblemError]]:
    """Every interview in ``<root>/interviews.toml`` (later roots override earlier ids), and the errors.

    ``cards``: the concept cards a round's questions may name (None: question phases are not checked).
    """
    interviews: dict[str, Interview] = {}
    errors: list[ProblemError] = []
    for root in roots:
        path = Path(root) / FILE_NAME
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            errors.append(ProblemError(path, f"cannot be read as TOML: {exc}"))
            continue
        extra = set(data) - {"interview"}
        if extra:
            errors.append(ProblemError(path, "unknown top-level key (expected only [[interview]] tables)", sorted(extra)[0]))
        tables = data.get("interview", [])
        if not isinstance(tables, list):
            errors.append(ProblemError(path, "must be an array of tables ([[interview]])", "interview"))
            continue
        for n, table in enumerate(tables):
            try:
                interview = _interview(path, n, table, known, cards)
            except ProblemError as exc:
                errors.append(exc)
                continue
            interviews[interview.id] = interview
    return dict(sorted(interviews.items())), errors


def _interview(path: Path, n: int, table: Any, known: Mapping[str, Problem], cards: Mapping[str, Any] | None) -> Interview:
    where = f"interview[{n}]"
    if not isinstance(table, dict):
        raise ProblemError(path, "must be a table", where)
    ident = table.get("id")
    if isinstance(ident, str):
        where = f"interview {ident!r}"
    for key in sorted(set(table) - INTERVIEW_FIELDS):
        raise ProblemError(path, f"{where}: unknown field", key)
    for key in ("id", "title", "models"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise ProblemError(path, f"{where}: missing or not a non-empty string", key)
    if not ID_RE.match(table["id"]):
        raise ProblemError(path, f"{where}: must be kebab-case (a-z, 0-9, single dashes)", "id")
    rounds = table.get("round")
    if not isinstance(rounds, list) or not 1 <= len(rounds) <= 3:
        raise ProblemError(path, f"{where}: needs one to three [[interview.round]] tables", "round")
    return Interview(
        id=table["id"],
        title=table["title"],
        models=table["models"],
        rounds=tuple(_round(path, f"{where} round {i + 1}", r, known, cards) for i, r in enumerate(rounds)),
        path=path,
    )


def _minutes(path: Path, where: str, table: dict[str, Any], key: str, default: float, most: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= most:
        raise ProblemError(path, f"{where}: must be a number of minutes in (0, {most:g}]", key)
    return float(value)


def _round(path: Path, where: str, table: Any, known: Mapping[str, Problem], cards: Mapping[str, Any] | None) -> Round:
    if not isinstance(table, dict):
        raise ProblemError(path, f"{where}: must be a table", "round")
    for key in sorted(set(table) - ROUND_FIELDS):
        raise ProblemError(path, f"{where}: unknown field", key)
    questions = table.get("questions", [])
    if not isinstance(questions, list) or not all(isinstance(q, str) and q for q in questions) or len(questions) > 12:
        raise ProblemError(path, f"{where}: must be a list of at most 12 concept card ids", "questions")
    unknown = [q for q in questions if cards is not None and q not in cards]
    if unknown:
        raise ProblemError(path, f"{where}: no such concept card: {', '.join(unknown)}", "questions")
    question_minutes = _minutes(path, where, table, "question_minutes", 0.0, 120) if questions else 0.0
    problem = table.get("problem")
    if problem is None and questions:
        return Round(None, 0.0, questions=tuple(questions), question_minutes=question_minutes)
    if not isinstance(problem, str) or problem not in known:
        raise ProblemError(path, f"{where}: names no known problem ({problem!r})", "problem")
    suggested = known[problem].suggested_minutes
    minutes = _minutes(path, where, table, "minutes", suggested, 240)
    if minutes != suggested:
        raise ProblemError(
            path,
            f"{where}: {minutes:g} minutes, but {problem} suggests {suggested}: a round gives its problem that time",
            "minutes",
        )
    followups = table.get("followups", [])
    if not isinstance(followups, list) or not all(isinstance(q, str) and q.strip() for q in followups):
        raise ProblemError(path, f"{where}: must be a list of non-empty strings", "followups")
    followup_minutes = _minutes(path, where, table, "followup_minutes", 0.0, 60) if "followup_minutes" in table else 0.0
    return Round(problem, minutes, tuple(followups), tuple(questions), question_minutes, followup_minutes)
