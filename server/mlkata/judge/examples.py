"""The user's own examples: doctest-style lines in the solution file, run with the hidden tests.

An example is a line starting with ``>>> `` in a comment or a docstring (``... `` lines continue
it). The lines right after it, with the same prefix, up to a blank one or the next ``>>>``, are
the expected output, as in a doctest::

    # >>> longest_common_subsequence("abcde", "ace")
    # 3

An example without an expected output just shows what it printed and returned.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Sequence
from typing import Any

import attrs

MAX_EXAMPLES = 50
"""Examples past this many are ignored (each runs in the judged process)."""
SHOWN = 2000
"""Characters of an example's output kept."""

_PROMPT = re.compile(r"^(\s*#\s?|\s*)(>>>|\.\.\.)( |$)(.*)$")


@attrs.frozen
class Example:
    """One example as written in the file."""

    line: int
    """1-based line of its ``>>>``."""
    last_line: int
    """1-based line of its last ``...`` continuation (its own line when there is none)."""
    source: str
    """The Python code, prompts removed."""
    expected: str | None
    """The expected output as written; None when none was given."""


@attrs.frozen
class ExampleResult:
    """What an example did."""

    example: Example
    output: str
    """What it printed, then the repr of its value (when not None), as a doctest shows it."""
    error: str = ""
    """``ExcType: message`` when it raised."""

    @property
    def verdict(self) -> str:
        """``shown`` (no expected output), ``matches``, ``differs`` or ``error``."""
        expected = self.example.expected
        if expected is None:
            return "error" if self.error else "shown"
        if self.error:
            if expected.startswith("Traceback"):
                last = expected.strip().splitlines()[-1].strip()
                return "matches" if self.error.startswith(last) or last.startswith(self.error.split(":")[0]) else "differs"
            return "error"
        return "matches" if same_output(expected, self.output) else "differs"

    def to_json(self) -> dict[str, Any]:
        """The result in the ``mlkata check --json`` format."""
        return {
            "line": self.example.line,
            "source": self.example.source,
            "expected": self.example.expected,
            "output": self.output,
            "error": self.error,
            "verdict": self.verdict,
        }


def parse(source: str) -> list[Example]:
    """The examples written in source, in file order."""
    lines = source.splitlines()
    found: list[Example] = []
    i = 0
    while i < len(lines) and len(found) < MAX_EXAMPLES:
        m = _PROMPT.match(lines[i])
        if not m or m.group(2) != ">>>":
            i += 1
            continue
        prefix, start = m.group(1), i
        code = [m.group(4)]
        i += 1
        while i < len(lines):
            cont = _PROMPT.match(lines[i])
            if not (cont and cont.group(2) == "..." and _same_prefix(cont.group(1), prefix)):
                break
            code.append(cont.group(4))
            i += 1
        last = i
        expected: list[str] = []
        while i < len(lines):
            text = _without_prefix(lines[i], prefix)
            if text is None or not text.strip() or _PROMPT.match(lines[i]):
                break
            expected.append(text)
            i += 1
        found.append(Example(start + 1, last, "\n".join(code), "\n".join(expected) if expected else None))
    return found


def _same_prefix(a: str, b: str) -> bool:
    return ("#" in a) == ("#" in b)


def _without_prefix(line: str, prefix: str) -> str | None:
    """The line's text after the example's prefix (a comment's ``#``), None if it lacks it."""
    if "#" in prefix:
        stripped = line.lstrip()
        if not stripped.startswith("#"):
            return None
        text = stripped[1:]
        return text[1:] if text.startswith(" ") else text
    if line.lstrip().startswith("#"):
        return None
    text = line.strip()
    return None if text in ('"""', "'''") else text.removesuffix('"""').removesuffix("'''").rstrip()


def same_output(expected: str, got: str) -> bool:
    """Doctest's comparison with whitespace normalised, and numbers within 1e-6 relative."""
    if " ".join(expected.split()) == " ".join(got.split()):
        return True
    try:
        return _close(ast.literal_eval(expected.strip()), ast.literal_eval(got.strip()))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError, OverflowError):  # any text may come back
        return False


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and type(a) is type(b) and len(a) == len(b):
        return all(_close(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def results(examples: Sequence[Example], ran: Any) -> tuple[ExampleResult, ...]:
    """Pair the examples with what the judged process reported for them (plain data, untrusted)."""
    out = []
    items = ran if isinstance(ran, list) else []
    for i, example in enumerate(examples):
        item = items[i] if i < len(items) and isinstance(items[i], dict) else {}
        output = str(item.get("output") or "")[:SHOWN]
        error = str(item.get("error") or "")[:SHOWN]
        out.append(ExampleResult(example, output, error))
    return tuple(out)
