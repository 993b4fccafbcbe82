"""Typed model of one problem."""

from __future__ import annotations

from pathlib import Path

import attrs

DIFFICULTIES = ("easy", "medium", "hard")
KINDS = ("torch", "python")
AREAS = {
    "transformers": "Transformer internals",
    "training": "Training, losses and optimisers",
    "multimodal": "Vision and multimodal",
    "fine-tuning": "Fine-tuning",
    "alignment": "Alignment and RL",
    "decoding": "Decoding",
    "retrieval": "Retrieval and search",
    "systems": "Systems and scale",
    "algorithms": "Algorithms",
}
"""The catalogue's sections: a problem's ``area`` is one of these keys."""


class ProblemError(Exception):
    """A problem folder that cannot be loaded; says which file, which field, and why."""

    def __init__(self, path: Path, message: str, field: str | None = None) -> None:
        where = f"{path}" + (f": field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.field = field
        self.message = message


@attrs.frozen
class Limits:
    """Resource limits of one judged run."""

    test_time_ms: int
    """Wall-clock and CPU time allowed for one hidden test."""
    total_time_ms: int
    """Wall-clock time allowed for all hidden tests together."""
    memory_mb: int
    """Address space the solution may add on top of the judged process's own."""


@attrs.frozen
class Hint:
    """One progressive hint."""

    title: str
    """The hint's heading."""
    text: str
    """The hint itself (Markdown)."""


@attrs.frozen
class Mistake:
    """A classic wrong variant of the reference: when a wrong answer equals its output, say so."""

    name: str
    """File stem under ``mistakes/``."""
    explanation: str
    """One line, as an interviewer would put it."""
    source: str
    """The wrong solution's source."""


RULE_KINDS = ("behaviour", "raises", "range", "edge-case", "complexity", "dtype", "shape", "gradient", "no-side-effect")
"""What a stated rule is about (``rules.toml``): for the audit's tables, and for authors as a checklist."""


@attrs.frozen
class Rule:
    """A rule the statement states, and the hidden tests that fail when only that rule is broken."""

    text: str
    """The rule as the statement says it (or a faithful summary)."""
    kind: str
    """One of :data:`RULE_KINDS`."""
    tests: tuple[str, ...]
    """The hidden tests that fail when a solution breaks only this rule (validation checks each exists)."""


@attrs.frozen
class Followup:
    """A follow-up question an interviewer asks after the code works."""

    question: str
    """The question."""
    answer: str
    """A short model answer (Markdown)."""


@attrs.frozen
class Clarification:
    """A question a candidate may ask the interviewer before coding, and the interviewer's answer."""

    question: str
    answer: str
    kind: str
    """One of :data:`CLARIFY_KINDS` (shapes, masks, dtype, ...)."""
    held_back: bool = False
    """True when the statement used in interview rounds leaves this detail out: asking is rewarded."""


CLARIFY_KINDS = ("shapes", "conventions", "dtype", "edge-cases", "complexity", "constraints", "scope")
"""What a clarifying question can be about."""


@attrs.frozen
class Problem:
    """A practice problem: metadata, texts, and its hidden tests' source."""

    id: str
    """Kebab-case identifier, equal to the folder name."""
    title: str
    """Human title."""
    difficulty: str
    """One of easy, medium, hard."""
    topics: tuple[str, ...]
    """Topics for browsing, e.g. ``attention``."""
    area: str
    """Catalogue section, a key of :data:`AREAS`."""
    kind: str
    """``torch`` (tensors; needs torch) or ``python`` (plain Python)."""
    entry_point: str
    """The function or class the hidden tests call."""
    suggested_minutes: int
    """How long an interviewer would give for it."""
    origin: str
    """Which interview round or question it models."""
    forbidden: tuple[str, ...]
    """Dotted names the solution may not use (a module name forbids the whole module)."""
    limits: Limits
    """Resource limits."""
    path: Path
    """The problem's folder."""
    statement: str
    """The task (Markdown)."""
    starter: str
    """Code the user starts from."""
    solution: str
    """The reference solution (never shown before a pass or a give-up)."""
    tests_source: str
    """Source of the hidden tests."""
    test_names: tuple[str, ...]
    """Names of the hidden tests, in file order."""
    hints: tuple[Hint, ...]
    """Progressive hints."""
    followups: tuple[Followup, ...]
    """Follow-up questions with model answers."""
    mistakes: tuple[Mistake, ...] = ()
    """Declared classic mistakes (``mistakes/*.py``), explained when a wrong answer matches one."""
    clarifications: tuple[Clarification, ...] = ()
    """What the interviewer answers when asked (``interviewer.toml``; optional)."""
    rules: tuple[Rule, ...] = ()
    """Every rule the statement states, each mapped to the tests that check it (``rules.toml``)."""

    @property
    def tests_path(self) -> Path:
        """Path of the hidden tests file."""
        return self.path / "tests.py"
