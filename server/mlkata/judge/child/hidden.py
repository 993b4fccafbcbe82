"""A problem's hidden tests, executed from their source: the drive part and check spec of each."""

from __future__ import annotations

import hashlib
import types
from typing import Any

PRELOADED: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
"""Hidden tests executed by the warm worker before any fork, by the SHA-256 of their source."""


def source_key(source: str) -> str:
    """The key of a tests.py source in :data:`PRELOADED`."""
    return hashlib.sha256(source.encode()).hexdigest()


def hidden_tests(source: str, api: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(drive function, check spec) per test name of a tests.py source (preloaded if known)."""
    key = source_key(source)
    if key in PRELOADED:
        return PRELOADED[key]
    collected = execute_tests(compile(source, "<hidden tests>", "exec"), api)
    return {spec.name: fn for spec, fn in collected}, {spec.name: spec for spec, _ in collected}


def execute_tests(code: Any, api: Any, names: dict[str, Any] | None = None) -> list[tuple[Any, Any]]:
    """Execute compiled hidden tests as a module (``names`` bound in it first); (spec, drive) of each."""
    tests_module = types.ModuleType("mlkata_hidden_tests")
    tests_module.__file__ = "<hidden tests>"
    tests_module.__dict__.update(names or {})
    exec(code, tests_module.__dict__)
    return list(api.collect(tests_module.__dict__))
