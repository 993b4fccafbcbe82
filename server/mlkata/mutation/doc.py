"""``docs/test-strength.md``: every problem's mutation figures and its survivors, written by
``mlkata mutate --write-doc``. A run over some problems replaces their rows and sections and keeps
the others' (of problems still in the bank)."""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Sequence

from mlkata.mutation.check import EQUIVALENT, INVALID, KILLED, SURVIVED, TARGET, ProblemCheck

ROW = re.compile(r"^\| `?(?P<id>[a-z0-9][a-z0-9-]*)`? \|")
SECTION = re.compile(r"^### (?P<id>[a-z0-9][a-z0-9-]*)\s*$")
HEADER = f"""# Test strength: mutation testing of the reference solutions

<!-- Written by `mlkata mutate --all --write-doc` (or `mlkata mutate ID... --write-doc`, which
     replaces those problems' rows): edit the problems, not this file. -->

How strong each problem's hidden tests are. Every reference solution (`problems/<id>/solution.py`)
is mutated one mistake at a time (the classic ML and algorithm mistakes: [mutation.md](mutation.md))
and each mutant is judged by the problem's hidden tests, as a user's solution is. Target: at least
{TARGET:.0%} of the non-equivalent mutants killed in every problem, and every survivor either killed by
a new test or declared equivalent, with a one-line reason, in the problem's `mutants.toml`.
"""
TABLE = "| problem | mutants | invalid | killed | survived | equivalent | kill rate |\n|---|---:|---:|---:|---:|---:|---:|"
SURVIVORS = "## Survivors and equivalent mutants"


def row(check: ProblemCheck) -> str:
    """A problem's table row."""
    if check.error is not None:
        return f"| {check.problem} | - | - | - | - | - | error |"
    judged = len(check.outcomes)
    mutants = f"{judged} of {check.generated}" if check.generated > judged else str(judged)
    counts = " | ".join(str(check.count(s)) for s in (INVALID, KILLED, SURVIVED, EQUIVALENT))
    return f"| {check.problem} | {mutants} | {counts} | {check.kill_rate:.1%} |"


def section(check: ProblemCheck) -> str | None:
    """A problem's survivors and equivalent mutants (None when it has none and no error)."""
    lines = []
    if check.error is not None:
        lines.append(f"- could not be checked: {check.error}")
    for o in check.outcomes:
        if o.status == SURVIVED:
            lines.append(f"- `{o.mutant.id}` ({o.mutant.description}): **survives**: add a test that kills it, or declare it")
        elif o.status == EQUIVALENT:
            lines.append(f"- `{o.mutant.id}` ({o.mutant.description}): equivalent: {o.detail}")
    return "\n".join([f"### {check.problem}", "", *lines]) if lines else None


def _parse(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The rows and sections of an existing document, by problem id."""
    rows: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        match = SECTION.match(line)
        if match:
            current = match["id"]
            sections[current] = [line]
        elif line.startswith("## "):
            current = None
        elif current is not None:
            sections[current].append(line)
        elif ROW.match(line) and not line.startswith("| problem |"):
            rows[ROW.match(line)["id"]] = line  # type: ignore[index]
    return rows, {k: "\n".join(v).strip() for k, v in sections.items()}


def stamp(checks: Sequence[ProblemCheck], seconds: float, at: float | None = None) -> str:
    """The line saying when the figures were last written and what that run checked.

    It also makes every write a change: CI compares with the last commit that wrote the document
    (:func:`mlkata.mutation.changed.last_doc_commit`), so figures confirmed unchanged must still move it.
    """
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(time.time() if at is None else at))
    mutants = sum(len(c.outcomes) for c in checks)
    problems = f"{len(checks)} problem{'' if len(checks) == 1 else 's'}"
    return f"Last written {when}: {problems}, {mutants} mutants judged in {seconds:.0f} s."


def render(
    checks: Sequence[ProblemCheck], existing: str = "", known: Collection[str] | None = None, written: str | None = None
) -> str:
    """The document: ``existing``'s rows and sections of other problems (still in ``known``), then these checks';
    ``written`` (:func:`stamp`) goes under the header."""
    rows, sections = _parse(existing)
    keep = (lambda pid: pid in known) if known is not None else (lambda pid: True)
    rows = {k: v for k, v in rows.items() if keep(k)}
    sections = {k: v for k, v in sections.items() if keep(k)}
    for check in checks:
        rows[check.problem] = row(check)
        text = section(check)
        sections.pop(check.problem, None)
        if text is not None:
            sections[check.problem] = text
    head = [HEADER, written, ""] if written else [HEADER]
    parts = [*head, TABLE, *(rows[k] for k in sorted(rows)), "", SURVIVORS, ""]
    if sections:
        parts += ["\n\n".join(sections[k] for k in sorted(sections)), ""]
    else:
        parts += ["None: every mutant of every problem above is killed.", ""]
    return "\n".join(parts)
