"""The reference solution's outputs, cached in memory and on disk.

They are computed by runs of their own (:func:`mlkata.judge.runner.run_outputs`), in judged
processes that never saw user code, and kept as the JSON text of their encoded form: the server
never needs torch to hold them, nor re-encodes them to pass them on. The cache key covers everything
that can change them.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlkata import __version__
from mlkata.judge.options import Options, cache_dir

if TYPE_CHECKING:
    from mlkata.bank import Problem

_JUDGE_DIR = Path(__file__).parent
"""The judge's folder: its ``child`` package is the run process, which imports the harness beside it."""
_memory: dict[tuple[str, str], str] = {}


def judge_files(judge_dir: Path) -> list[Path]:
    """The code a run process executes: every ``*.py`` of ``child/``, then the harness modules it imports.

    The harness modules are found by following ``from mlkata.judge import x`` and ``from
    mlkata.judge.x import ...`` (and ``import mlkata.judge.x``) from the package's files, transitively.
    """
    package = sorted((judge_dir / "child").rglob("*.py"))
    harness: set[str] = set()
    todo = list(package)
    while todo:
        for name in _judge_imports(todo.pop()):
            path = judge_dir / f"{name}.py"
            if name not in harness and path.is_file():
                harness.add(name)
                todo.append(path)
    return package + [judge_dir / f"{name}.py" for name in sorted(harness)]


def _judge_imports(path: Path) -> set[str]:
    """Names x of the ``mlkata.judge.x`` modules a file imports (anywhere in it)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "mlkata.judge":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("mlkata.judge."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("mlkata.judge."))
    return found


def judge_digest(judge_dir: Path) -> bytes:
    """Hash of the run process's code (:func:`judge_files`): each file's path in the judge folder and content."""
    h = hashlib.sha256()
    for path in judge_files(judge_dir):
        data = path.read_bytes()
        h.update(f"{path.relative_to(judge_dir).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.digest()


@functools.cache
def _judge_digest() -> bytes:
    """:func:`judge_digest` of this judge, computed once per process."""
    return judge_digest(_JUDGE_DIR)


def cache_key(problem: Problem, options: Options, what: str = "reference") -> str:
    """Hash of everything the reference (or the declared mistakes') outputs depend on."""
    h = hashlib.sha256(_judge_digest())
    if what == "mistakes":
        for mistake in problem.mistakes:
            h.update(f"{mistake.name}\0{mistake.source}\0".encode())
    for part in (
        __version__,
        sys.version,
        platform.machine(),
        options.python,
        problem.id,
        problem.tests_source,
        problem.solution,
        problem.entry_point,
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:24]


def cached(problem: Problem, options: Options, what: str = "reference") -> str | None:
    """The reference's (or the mistakes') encoded outputs as JSON text, if known (memory, then disk).

    ``what="inputs"``: per test, the summaries of the inputs the reference run saw.
    """
    key = cache_key(problem, options, what)
    if (key, what) in _memory:
        return _memory[key, what]
    path = cache_dir(options) / f"{problem.id}-{what}-{key}.json"
    try:
        text = path.read_text()
        data = json.loads(text)
    except (OSError, ValueError):
        return None
    wanted = {m.name for m in problem.mistakes} if what == "mistakes" else set(problem.test_names)
    if isinstance(data, dict) and set(data) == wanted:
        _memory[key, what] = text
        return text
    return None


def store(problem: Problem, options: Options, outputs: dict[str, Any], what: str = "reference") -> str:
    """Keep the reference's (or the mistakes') encoded outputs; returns them as JSON text.

    A read-only cache folder only costs time.
    """
    key = cache_key(problem, options, what)
    text = json.dumps(outputs)
    _memory[key, what] = text
    path = cache_dir(options) / f"{problem.id}-{what}-{key}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(text)
        os.replace(tmp, path)
    except OSError:
        pass
    return text
