"""Expected outputs (the reference solution's) and the checks, on the trusted side.

The reference's drive outputs are computed in a judged process of their own, which never
saw user code, and cached in memory and on disk, keyed by everything that can change them.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import platform
import sys
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlkata import __version__
from mlkata.judge import api, wire
from mlkata.judge.runner import JudgeError, Options, run_child

if TYPE_CHECKING:
    from mlkata.bank import Problem

_JUDGE_FILES = ("child.py", "api.py", "compare.py", "wire.py")
_memory: dict[str, dict[str, Any]] = {}
_specs: dict[str, dict[str, api.TestSpec]] = {}
_locks: dict[str, asyncio.Lock] = {}
# The reference gets more time than a user so a busy machine never fails the bank itself.
REFERENCE_SLACK = 4.0


def cache_dir(options: Options) -> Path:
    """Folder of the on-disk reference cache."""
    if options.cache_dir is not None:
        return Path(options.cache_dir)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mlkata" / "reference"


def cache_key(problem: Problem, options: Options) -> str:
    """Hash of everything the reference outputs depend on."""
    h = hashlib.sha256()
    judge_dir = Path(__file__).parent
    for part in (
        __version__,
        sys.version,
        platform.machine(),
        options.python,
        problem.id,
        problem.tests_source,
        problem.solution,
        problem.entry_point,
        *((judge_dir / name).read_text() for name in _JUDGE_FILES),
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:24]


async def expected_outputs(problem: Problem, options: Options) -> dict[str, Any]:
    """The reference's decoded output per test name (computed once, then cached)."""
    key = cache_key(problem, options)
    if key in _memory:
        return _decode(_memory[key])
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:
        if key not in _memory:
            _memory[key] = await _load_or_compute(problem, options, key)
    return _decode(_memory[key])


async def _load_or_compute(problem: Problem, options: Options, key: str) -> dict[str, Any]:
    path = cache_dir(options) / f"{problem.id}-{key}.json"
    try:
        data = json.loads(path.read_text())
        if isinstance(data, dict) and set(data) == set(problem.test_names):
            return data
    except (OSError, ValueError):
        pass
    events = await run_child(problem, problem.solution, f"<reference {problem.id}>", options, slack=REFERENCE_SLACK)
    outputs = {}
    for name in problem.test_names:
        event = events[name]
        if event.get("status") != "ok":
            detail = event.get("error", {}).get("message") or event.get("status")
            raise JudgeError(f"the reference solution of {problem.id} fails its test {name}: {detail}")
        outputs[name] = event["output"]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(outputs))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs time
    return outputs


def _decode(raw: dict[str, Any]) -> dict[str, Any]:
    return {name: wire.decode(value) for name, value in raw.items()}


def specs(problem: Problem) -> dict[str, api.TestSpec]:
    """The checks of a problem's hidden tests (imports torch for torch problems)."""
    key = hashlib.sha256(problem.tests_source.encode()).hexdigest() + problem.id
    if key not in _specs:
        module = types.ModuleType(f"mlkata_tests_{problem.id.replace('-', '_')}")
        module.__file__ = str(problem.tests_path)
        code = compile(problem.tests_source, str(problem.tests_path), "exec")
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
                exec(code, module.__dict__)
        except ImportError as exc:
            if exc.name == "torch":
                raise JudgeError(
                    f"{problem.id} needs PyTorch, and the interpreter {sys.executable} has no torch: "
                    "install it there (pip install torch) or choose an interpreter that has it"
                ) from None
            raise JudgeError(f"the hidden tests of {problem.id} cannot be loaded: {exc}") from None
        found = {spec.name: spec for spec, _ in api.collect(module.__dict__)}
        missing = [n for n in problem.test_names if n not in found]
        if missing:
            raise JudgeError(f"{problem.tests_path}: test {missing[0]} is not registered by @test")
        _specs[key] = found
    return _specs[key]
