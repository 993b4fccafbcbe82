"""Which problem a solution file belongs to: the first-line marker ``# mlkata: <problem-id>``."""

from __future__ import annotations

import os
import re

import attrs

MARKER = "# mlkata: {id}\n"
MARKER_PATTERN = r"^\ufeff?\s*#\s*mlkata:\s*(\S*)\s*$"
"""The first line of a solution file; group 1 is the problem id (the client uses the same pattern)."""
MARKER_RE = re.compile(MARKER_PATTERN)


@attrs.frozen
class Binding:
    """The marker found on a file's first line."""

    problem_id: str
    """The id it names (possibly unknown, possibly empty)."""
    start: int
    """Character column where the id starts (0-based)."""
    end: int
    """Character column just past the id."""


def bind(text: str) -> Binding | None:
    """The marker on the first line of text, None when the file is not an ML Kata solution."""
    first = text.split("\n", 1)[0].rstrip("\r")
    match = MARKER_RE.match(first)
    if not match:
        return None
    return Binding(match[1], match.start(1), match.end(1))


def solution_name(problem_id: str) -> str:
    """The default file name of a solution: the id as a Python module name."""
    return problem_id.replace("-", "_") + ".py"


def create_solution(path: str | os.PathLike[str], problem_id: str, starter: str) -> None:
    """Write the marker and the starter to a new file; FileExistsError if it exists (never overwrite)."""
    with open(path, "x", encoding="utf-8", newline="\n") as f:
        f.write(MARKER.format(id=problem_id) + starter)
