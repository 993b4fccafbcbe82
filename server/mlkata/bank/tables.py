"""An optional TOML file of a problem made only of ``[[key]]`` tables (``interviewer.toml``, ``rules.toml``)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from mlkata.bank.model import ProblemError


def read_tables(path: Path, key: str) -> list[Any]:
    """The ``[[key]]`` tables of path (empty when the file is absent); raises ProblemError on anything else."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProblemError(path, f"invalid TOML: {exc}") from None
    if set(data) != {key} or not isinstance(data[key], list) or not data[key]:
        raise ProblemError(path, f"expected only [[{key}]] tables, at least one", key)
    return list(data[key])
