"""The reference solution's outputs, cached in memory and on disk.

They are computed by runs of their own (:func:`mlkata.judge.runner.run_outputs`), in judged
processes that never saw user code, and kept as the JSON text of their encoded form: the server
never needs torch to hold them, nor re-encodes them to pass them on. The cache key covers everything
that can change them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlkata import __version__
from mlkata.judge.runner import Options

if TYPE_CHECKING:
    from mlkata.bank import Problem

_JUDGE_FILES = ("child.py", "api.py", "compare.py", "wire.py")
_memory: dict[tuple[str, str], str] = {}


def cache_dir(options: Options) -> Path:
    """Folder of the on-disk reference cache."""
    if options.cache_dir is not None:
        return Path(options.cache_dir)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mlkata" / "reference"


@functools.cache
def _judge_digest() -> bytes:
    judge_dir = Path(__file__).parent
    h = hashlib.sha256()
    for name in _JUDGE_FILES:
        h.update((judge_dir / name).read_bytes())
    return h.digest()


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
