"""Settings the client sends (``initializationOptions`` and ``workspace/didChangeConfiguration``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from mlkata import hints


@attrs.frozen
class Settings:
    """What the server does, as configured by the client."""

    problems_folders: tuple[Path, ...] = ()
    """Extra problem folders, loaded after the bundled bank (same id overrides)."""
    run_on_save: bool = True
    """Judge a bound file when it is opened or saved."""
    run_on_type: bool = False
    """Also judge it while typing, after ``debounce_ms`` without changes."""
    debounce_ms: int = 600
    """Quiet time before an on-type run."""
    time_multiplier: float = 1.0
    """Scales every time limit."""
    database_path: Path | None = None
    """The progress database; None means the user's data folder."""
    python: str | None = None
    """Interpreter that runs solutions; None means the server's own."""
    solutions_folder: Path | None = None
    """Where new solution files go when no workspace folder is open."""
    explain_mistakes: bool = True
    """Name a declared classic mistake when a wrong answer matches it (never in a mock interview)."""
    mock_hides_details: bool = False
    """During a mock interview's coding phase, say only "k of n hidden tests pass", as an online judge does."""
    hint_runs: int = hints.DEFAULT_RUNS
    """Hint n+1 unlocks after n times this many failed runs..."""
    hint_minutes: float = hints.DEFAULT_MINUTES
    """...or after n times this many minutes of work on the problem (0 and 0: every hint at once)."""


# camelCase key -> (attribute, converter)
def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _number(low: float, high: float, integer: bool = False) -> Callable[[Any], float | int]:
    def convert(value: Any) -> float | int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("expected a number")
        if not low <= value <= high:
            raise ValueError(f"expected a number in [{low:g}, {high:g}]")
        return int(value) if integer else float(value)

    return convert


def _path_or_none(value: Any) -> Path | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise TypeError("expected a path (string)")
    return Path(value).expanduser()


def _str_or_none(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _paths(value: Any) -> tuple[Path, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of folder paths")
    return tuple(Path(v).expanduser() for v in value if v)


FIELDS = {
    "problemsFolders": ("problems_folders", _paths),
    "runOnSave": ("run_on_save", _bool),
    "runOnType": ("run_on_type", _bool),
    "debounceMs": ("debounce_ms", _number(0, 60_000, integer=True)),
    "timeMultiplier": ("time_multiplier", _number(0.05, 100)),
    "databasePath": ("database_path", _path_or_none),
    "python": ("python", _str_or_none),
    "solutionsFolder": ("solutions_folder", _path_or_none),
    "explainMistakes": ("explain_mistakes", _bool),
    "mockHidesDetails": ("mock_hides_details", _bool),
    "hintAfterFailedRuns": ("hint_runs", _number(0, 1000, integer=True)),
    "hintAfterMinutes": ("hint_minutes", _number(0, 600)),
}


def parse(raw: Any, base: Settings | None = None) -> tuple[Settings, list[str]]:
    """Settings from a client's JSON (``{"mlkata": {...}}`` or the inner object), and what was wrong.

    A bad value keeps the previous one and is reported; unknown keys are ignored (clients send
    their own, e.g. ``trace``).
    """
    base = base or Settings()
    if raw is None:
        return base, []
    if isinstance(raw, dict) and isinstance(raw.get("mlkata"), dict):
        raw = raw["mlkata"]
    if not isinstance(raw, dict):
        return base, [f"settings must be an object, got {type(raw).__name__}"]
    changes: dict[str, Any] = {}
    errors = []
    for key, value in raw.items():
        if key not in FIELDS:
            continue
        attr, convert = FIELDS[key]
        try:
            changes[attr] = convert(value)
        except (TypeError, ValueError) as exc:
            errors.append(f"setting mlkata.{key} = {value!r} ignored: {exc}")
    return attrs.evolve(base, **changes), errors
