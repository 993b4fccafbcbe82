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
ROUND_FIELDS = {"problem", "minutes", "followups"}


@attrs.frozen
class Round:
    """One timed round of a mock interview."""

    problem: str
    """Id of the problem solved in this round."""
    minutes: float
    """Time allowed."""
    followups: tuple[str, ...] = ()
    """Extra follow-up questions for this round (the problem's own follow-ups are asked too)."""


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


def load_interviews(roots: Iterable[Path], known: Mapping[str, Problem]) -> tuple[dict[str, Interview], list[ProblemError]]:
    """Every interview in ``<root>/interviews.toml`` (later roots override earlier ids), and the errors."""
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
                interview = _interview(path, n, table, known)
            except ProblemError as exc:
                errors.append(exc)
                continue
            interviews[interview.id] = interview
    return dict(sorted(interviews.items())), errors


def _interview(path: Path, n: int, table: Any, known: Mapping[str, Problem]) -> Interview:
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
        rounds=tuple(_round(path, f"{where} round {i + 1}", r, known) for i, r in enumerate(rounds)),
        path=path,
    )


def _round(path: Path, where: str, table: Any, known: Mapping[str, Problem]) -> Round:
    if not isinstance(table, dict):
        raise ProblemError(path, f"{where}: must be a table", "round")
    for key in sorted(set(table) - ROUND_FIELDS):
        raise ProblemError(path, f"{where}: unknown field", key)
    problem = table.get("problem")
    if not isinstance(problem, str) or problem not in known:
        raise ProblemError(path, f"{where}: names no known problem ({problem!r})", "problem")
    suggested = known[problem].suggested_minutes
    minutes = table.get("minutes", suggested)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) or not 0 < minutes <= 240:
        raise ProblemError(path, f"{where}: must be a number of minutes in (0, 240]", "minutes")
    if minutes != suggested:
        raise ProblemError(
            path,
            f"{where}: {minutes:g} minutes, but {problem} suggests {suggested}: a round gives its problem that time",
            "minutes",
        )
    followups = table.get("followups", [])
    if not isinstance(followups, list) or not all(isinstance(q, str) and q.strip() for q in followups):
        raise ProblemError(path, f"{where}: must be a list of non-empty strings", "followups")
    return Round(problem=problem, minutes=float(minutes), followups=tuple(followups))
