"""Loading problems from folders, with errors that name the file and the field.

One malformed problem never hides the others: :func:`load_bank` collects a
:class:`ProblemError` for it and goes on.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import attrs

from mlkata.bank.cards import CONCEPTS
from mlkata.bank.model import (
    AREAS,
    CLARIFY_KINDS,
    DIFFICULTIES,
    KINDS,
    Clarification,
    Followup,
    Hint,
    Limits,
    Mistake,
    Problem,
    ProblemError,
)
from mlkata.bank.rules import FILE as RULES_FILE
from mlkata.bank.rules import load_rules
from mlkata.bank.tables import read_tables

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FILES = ("problem.toml", "statement.md", "starter.py", "solution.py", "tests.py", "hints.md", "followups.md")
REQUIRED = ("id", "title", "difficulty", "topics", "area", "kind", "entry_point", "suggested_minutes", "origin", "limits")
OPTIONAL = ("forbidden",)
LIMIT_FIELDS = ("test_time_ms", "total_time_ms", "memory_mb")


@attrs.frozen
class Bank:
    """All problems that loaded, and the errors of those that did not."""

    problems: dict[str, Problem]
    """Problems by id, sorted by id."""
    errors: tuple[ProblemError, ...]
    """One error per folder that failed to load."""

    def get(self, problem_id: str) -> Problem:
        """The problem with this id, or KeyError naming the known ids' count."""
        try:
            return self.problems[problem_id]
        except KeyError:
            raise KeyError(f"unknown problem {problem_id!r} ({len(self.problems)} problems known; try `mlkata list`)") from None


def default_roots() -> list[Path]:
    """Where the bundled problems are: inside the installed package, else the source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "problems", here.parent.parent / "problems"):
        if candidate.is_dir():
            return [candidate]
    return []


def load_bank(roots: Iterable[Path] | None = None) -> Bank:
    """Load every ``<root>/<id>/problem.toml``; later roots override earlier ones."""
    problems: dict[str, Problem] = {}
    errors: list[ProblemError] = []
    for root in default_roots() if roots is None else roots:
        root = Path(root)
        if not root.is_dir():
            errors.append(ProblemError(root, "problems folder does not exist"))
            continue
        for folder in sorted(
            p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and p.name != CONCEPTS
        ):
            try:
                problem = load_problem(folder)
            except ProblemError as exc:
                errors.append(exc)
                problems.pop(folder.name, None)
                continue
            problems[problem.id] = problem
    return Bank(dict(sorted(problems.items())), tuple(errors))


def _read(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file():
        raise ProblemError(path, f"missing file (a problem needs {', '.join(FILES)})")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _field(meta: dict[str, Any], key: str, kind: type | tuple[type, ...], path: Path) -> Any:
    value = meta[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ProblemError(path, f"expected {names}, got {type(value).__name__} {value!r}", key)
    return value


def load_problem(folder: Path) -> Problem:
    """Load and check one problem folder; raises :class:`ProblemError`."""
    folder = Path(folder)
    meta = _meta(folder)
    fields = _checked_fields(meta, folder, folder / "problem.toml")
    return Problem(**fields, path=folder, **_files(folder, fields["entry_point"]))


def _meta(folder: Path) -> dict[str, Any]:
    """problem.toml as a table, with no unknown and no missing field."""
    toml_path = folder / "problem.toml"
    text = _read(folder, "problem.toml")
    try:
        meta = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(toml_path, f"invalid TOML: {exc}") from None
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            raise ProblemError(toml_path, f"unknown field (known: {', '.join(REQUIRED + OPTIONAL)})", key)
    for key in REQUIRED:
        if key not in meta:
            raise ProblemError(toml_path, "missing", key)
    return meta


def _one_of(meta: dict[str, Any], key: str, allowed: Collection[str], path: Path) -> str:
    value = _field(meta, key, str, path)
    if value not in allowed:
        raise ProblemError(path, f"{value!r} is not one of {', '.join(allowed)}", key)
    return value


def _non_empty(meta: dict[str, Any], key: str, path: Path) -> str:
    value = _field(meta, key, str, path).strip()
    if not value:
        raise ProblemError(path, "empty", key)
    return value


def _checked_fields(meta: dict[str, Any], folder: Path, toml_path: Path) -> dict[str, Any]:
    """The problem's fields from problem.toml, each checked (the error names the field)."""
    pid = _field(meta, "id", str, toml_path)
    if not ID_RE.match(pid):
        raise ProblemError(toml_path, f"{pid!r} is not a kebab-case id", "id")
    if pid != folder.name:
        raise ProblemError(toml_path, f"{pid!r} differs from the folder name {folder.name!r}", "id")
    title = _non_empty(meta, "title", toml_path)
    difficulty = _one_of(meta, "difficulty", DIFFICULTIES, toml_path)
    topics = _field(meta, "topics", list, toml_path)
    if not topics or not all(isinstance(t, str) and t for t in topics):
        raise ProblemError(toml_path, "expected a non-empty list of strings", "topics")
    area = _one_of(meta, "area", AREAS, toml_path)
    kind = _one_of(meta, "kind", KINDS, toml_path)
    entry = _field(meta, "entry_point", str, toml_path)
    if not entry.isidentifier():
        raise ProblemError(toml_path, f"{entry!r} is not a Python identifier", "entry_point")
    minutes = _field(meta, "suggested_minutes", int, toml_path)
    if not 1 <= minutes <= 180:
        raise ProblemError(toml_path, f"{minutes} is outside 1..180", "suggested_minutes")
    origin = _non_empty(meta, "origin", toml_path)
    forbidden = meta.get("forbidden", [])
    if not isinstance(forbidden, list) or not all(isinstance(f, str) and f for f in forbidden):
        raise ProblemError(toml_path, "expected a list of dotted names", "forbidden")
    return {
        "id": pid,
        "title": title,
        "difficulty": difficulty,
        "topics": tuple(topics),
        "area": area,
        "kind": kind,
        "entry_point": entry,
        "suggested_minutes": minutes,
        "origin": origin,
        "forbidden": tuple(forbidden),
        "limits": _limits(meta["limits"], toml_path),
    }


def _files(folder: Path, entry: str) -> dict[str, Any]:
    """The problem's files: starter and reference (each defining entry), tests, statement, hints, follow-ups, mistakes."""
    starter = _read(folder, "starter.py")
    _require_entry(folder / "starter.py", starter, entry)
    solution = _read(folder, "solution.py")
    _require_entry(folder / "solution.py", solution, entry)
    tests_source = _read(folder, "tests.py")
    names = _test_names(folder / "tests.py", tests_source)
    statement = _read(folder, "statement.md")
    if not statement.strip():
        raise ProblemError(folder / "statement.md", "empty")
    return {
        "statement": statement,
        "starter": starter,
        "solution": solution,
        "tests_source": tests_source,
        "test_names": names,
        "hints": tuple(Hint(t, b) for t, b in _sections(folder / "hints.md", _read(folder, "hints.md"))),
        "followups": tuple(Followup(t, b) for t, b in _sections(folder / "followups.md", _read(folder, "followups.md"))),
        "mistakes": _mistakes(folder, entry),
        "clarifications": _clarifications(folder / "interviewer.toml"),
        "rules": load_rules(folder / RULES_FILE),
    }


def _clarifications(path: Path) -> tuple[Clarification, ...]:
    """The optional ``interviewer.toml``: ``[[clarify]]`` tables of question, answer, kind, held_back."""
    out = []
    for n, table in enumerate(read_tables(path, "clarify"), 1):
        where = f"clarify {n}"
        if not isinstance(table, dict) or set(table) - {"question", "answer", "kind", "held_back"}:
            raise ProblemError(path, f"{where}: expected the fields question, answer, kind and optionally held_back", "clarify")
        for key in ("question", "answer", "kind"):
            if not isinstance(table.get(key), str) or not table[key].strip():
                raise ProblemError(path, f"{where}: missing or not a non-empty string", key)
        if table["kind"] not in CLARIFY_KINDS:
            raise ProblemError(path, f"{where}: {table['kind']!r} is not one of {', '.join(CLARIFY_KINDS)}", "kind")
        held = table.get("held_back", False)
        if not isinstance(held, bool):
            raise ProblemError(path, f"{where}: must be true or false", "held_back")
        out.append(Clarification(table["question"].strip(), table["answer"].strip(), table["kind"], held))
    return tuple(out)


def _limits(value: Any, path: Path) -> Limits:
    if not isinstance(value, dict):
        raise ProblemError(path, "expected a table [limits]", "limits")
    for key in value:
        if key not in LIMIT_FIELDS:
            raise ProblemError(path, f"unknown field (known: {', '.join(LIMIT_FIELDS)})", f"limits.{key}")
    numbers = {}
    for key in LIMIT_FIELDS:
        if key not in value:
            raise ProblemError(path, "missing", f"limits.{key}")
        v = value[key]
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            raise ProblemError(path, f"expected a positive integer, got {v!r}", f"limits.{key}")
        numbers[key] = v
    return Limits(**numbers)


def defined_names(source: str) -> set[str]:
    """Top-level function and class names of a module's source (empty on a syntax error)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


MISTAKE_RE = re.compile(r"^# mistake: (?P<text>\S.*)$")


def _mistakes(folder: Path, entry: str) -> tuple[Mistake, ...]:
    """The declared mistakes: ``mistakes/<name>.py``, first line ``# mistake: <explanation>``."""
    found = []
    for path in sorted((folder / "mistakes").glob("*.py")):
        source = _read(folder, f"mistakes/{path.name}")
        first = source.splitlines()[0] if source else ""
        match = MISTAKE_RE.match(first)
        if not match:
            raise ProblemError(path, f"the first line must be '# mistake: <one-line explanation>', got {first[:60]!r}")
        _require_entry(path, source, entry)
        found.append(Mistake(path.stem, match["text"].strip(), source))
    return tuple(found)


def _require_entry(path: Path, source: str, entry: str) -> None:
    try:
        ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise ProblemError(path, f"syntax error at line {exc.lineno}: {exc.msg}") from None
    if entry not in defined_names(source):
        raise ProblemError(path, f"does not define the entry point `{entry}` at top level", "entry_point")


def _test_names(path: Path, source: str) -> tuple[str, ...]:
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise ProblemError(path, f"syntax error at line {exc.lineno}: {exc.msg}") from None
    names = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if (isinstance(target, ast.Name) and target.id == "test") or (
                isinstance(target, ast.Attribute) and target.attr == "test"
            ):
                names.append(node.name)
    if not names:
        raise ProblemError(path, "defines no hidden test (functions decorated with @test)")
    if len(set(names)) != len(names):
        raise ProblemError(path, "two hidden tests share a name")
    return tuple(names)


def _sections(path: Path, text: str) -> list[tuple[str, str]]:
    """Split Markdown into ``## heading`` sections."""
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        elif line.strip() and not line.startswith("# "):
            raise ProblemError(path, "text before the first '## ' heading (each item is a '## ' section)")
    out = [(title, "\n".join(body).strip()) for title, body in sections]
    if not out:
        raise ProblemError(path, "no '## ' sections")
    for title, body in out:
        if not title or not body:
            raise ProblemError(path, f"section {title!r} is empty")
    return out
