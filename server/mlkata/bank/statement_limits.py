"""The limits line of every statement, written from ``problem.toml`` so the two can never disagree.

Each ``statement.md`` ends with a block the judge's own limits fill in::

    <!-- limits: generated from problem.toml by `python -m mlkata.bank.statement_limits --write`; do not edit -->
    **Limits:** 3 s per test, 30 s for all tests, 256 MB of memory.
    <!-- /limits -->

``mlkata validate`` fails when the block is missing or says something else than ``problem.toml``
(:func:`limits_issue`); ``--write`` rewrites it in every bundled problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mlkata.bank.model import Limits

BEGIN = "<!-- limits: generated from problem.toml by `python -m mlkata.bank.statement_limits --write`; do not edit -->"
END = "<!-- /limits -->"
_BLOCK = re.compile(r"\n*" + re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n*", re.DOTALL)


def seconds(ms: int) -> str:
    return f"{ms / 1000:g} s"


def block(limits: Limits) -> str:
    """The limits block for these limits."""
    line = (
        f"**Limits:** {seconds(limits.test_time_ms)} per test, {seconds(limits.total_time_ms)} for all tests, "
        f"{limits.memory_mb} MB of memory."
    )
    return f"{BEGIN}\n{line}\n{END}\n"


def with_limits(statement: str, limits: Limits) -> str:
    """The statement with its limits block (added at the end, or replaced where it is)."""
    body = _BLOCK.sub("\n", statement).rstrip("\n")
    return f"{body}\n\n{block(limits)}"


def limits_issue(path: Path, statement: str, limits: Limits) -> str | None:
    """Why the statement's limits block is not what problem.toml says (None when it is)."""
    if statement == with_limits(statement, limits):
        return None
    what = "has no limits block" if BEGIN not in statement else "states other limits than problem.toml"
    return f"{path}: {what}: run `python -m mlkata.bank.statement_limits --write`"


def main(argv: list[str]) -> int:
    """``--write``: rewrite the block of every bundled problem's statement; else list those that differ."""
    from mlkata.bank import load_bank

    wrong = 0
    for problem in load_bank().problems.values():
        # The statement and its translations (statement.zh-cn.md), which carry the same block.
        for path in [problem.path / "statement.md", *sorted(problem.path.glob("statement.*.md"))]:
            text = path.read_text(encoding="utf-8")
            fixed = with_limits(text, problem.limits)
            if fixed != text:
                wrong += 1
                if "--write" in argv:
                    path.write_text(fixed, encoding="utf-8")
                else:
                    print(f"{path}: limits block missing or stale")
    return 0 if wrong == 0 or "--write" in argv else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
