"""Which problem a solution file belongs to: the first-line marker ``# mlkata: <problem-id>``."""

from __future__ import annotations

import os
import re
import stat
from typing import BinaryIO

import attrs

MARKER = "# mlkata: {id}\n"
MARKER_PATTERN = r"^\ufeff?\s*#\s*mlkata:\s*(?!\s)(\S*)\s*$"
r"""The first line of a solution file; group 1 is the problem id (the client uses the same pattern).

Linear on any line: no two neighbouring quantifiers can take the same characters. Without the
``(?!\s)``, an empty id lets the spaces before and after it trade characters, and a long run of
spaces followed by ``x y`` (not a marker) takes quadratic time to reject in Python and in node.
"""
MARKER_RE = re.compile(MARKER_PATTERN)

MAX_SOLUTION_BYTES = 16 * 1024 * 1024
"""The largest solution file read from disk. Above the 10 MB an editor may send (the server judges
that, tests/server/test_reliability.py), far below what would exhaust the server's memory."""

MARKER_LINE_BYTES = 4096
"""Enough of a file's first line to hold any marker (an id is a short kebab-case name)."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only, as FIFOs are
_NOCTTY = getattr(os, "O_NOCTTY", 0)


class SolutionError(Exception):
    """A solution file that cannot be read; the message names the file and why."""


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


def read_solution(path: str | os.PathLike[str], limit: int = MAX_SOLUTION_BYTES) -> str:
    """The text of a solution file; SolutionError unless it is a regular UTF-8 file of at most limit bytes.

    Never blocks: a FIFO, a device or a socket is refused before it is read (reading one would wait
    for a writer forever, in the server's event loop).
    """
    with _open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise _too_big(path, size, limit)
        data = f.read(limit + 1)  # the file may have grown since the fstat
    if len(data) > limit:
        raise _too_big(path, len(data), limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SolutionError(f"{os.fspath(path)} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def bound_to(path: str | os.PathLike[str]) -> str | None:
    """The problem id a file's marker names; None when there is none or the file is not a readable regular file."""
    try:
        with _open_regular(path) as f:
            first = f.readline(MARKER_LINE_BYTES)
    except SolutionError:
        return None
    if len(first) == MARKER_LINE_BYTES and not first.endswith(b"\n"):
        return None  # cut short: a line this long is no marker
    binding = bind(first.decode("utf-8", "replace"))
    return binding.problem_id if binding else None


def _open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """The file opened for reading, checked to be a regular file before and after opening it."""
    try:
        _check_kind(path, os.stat(path))  # opening some devices alone has effects: refuse them unopened
        # O_NONBLOCK: should a FIFO replace the file after the stat, opening it still returns at once
        # (and the fstat below refuses it); on a regular file the flag changes nothing.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY)
    except OSError as exc:
        raise _os_error(path, exc) from None
    f = os.fdopen(fd, "rb")
    try:
        _check_kind(path, os.fstat(fd))
    except SolutionError:
        f.close()
        raise
    return f


def _check_kind(path: str | os.PathLike[str], info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    kind = next((kind for test, kind in _KINDS if test(info.st_mode)), "something else")
    raise SolutionError(f"{os.fspath(path)} is {kind}, not a regular file")


def _os_error(path: str | os.PathLike[str], exc: OSError) -> SolutionError:
    if isinstance(exc, FileNotFoundError):
        return SolutionError(f"{os.fspath(path)} does not exist")
    return SolutionError(f"cannot read {os.fspath(path)}: {exc.strerror or exc}")


def _too_big(path: str | os.PathLike[str], size: int, limit: int) -> SolutionError:
    return SolutionError(
        f"{os.fspath(path)} is {size:,} bytes, more than a solution file may be ({limit:,} bytes): is it the right file?"
    )
