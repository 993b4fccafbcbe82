"""Forbidden modules (``numpy``, ``itertools``, ``torch.optim``...): refused to the judged file only.

The interpreter, the harness and torch keep using them (torch imports parts of ``torch.autograd``
lazily, the standard library imports ``itertools``): a forbidden module is never removed from
``sys.modules``; an import of one *by the judged file* is refused (``import``, ``from ... import``,
``importlib.import_module``), and a forbidden submodule's attribute on its package refuses the
judged file's uses while it forwards everyone else's.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any, NoReturn

Refuse = Callable[[str], NoReturn]


def caller(depth: int) -> str:
    """The file of the code ``depth`` frames up (1: whoever called the caller of this)."""
    return sys._getframe(depth).f_code.co_filename  # noqa: SLF001 (the one way to know who asks)


def block_modules(modules: list[str], refuse: Refuse, filename: str) -> None:
    """Refuse the judged file's imports of these modules and of anything below them."""
    import builtins
    import importlib

    def forbidden(name: str) -> bool:
        return any(name == m or name.startswith(m + ".") for m in modules)

    original_import, original_import_module = builtins.__import__, importlib.import_module

    def guarded_import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        asker = globals.get("__file__") if isinstance(globals, dict) else caller(2)  # a statement, or a call
        if level == 0 and asker == filename:
            for wanted in [name, *(f"{name}.{item}" for item in fromlist or () if isinstance(item, str))]:
                if forbidden(wanted):
                    refuse(wanted)
        return original_import(name, globals, locals, fromlist, level)

    def guarded_import_module(name: str, package: str | None = None) -> Any:
        if forbidden(name) and caller(2) == filename:
            refuse(name)
        return original_import_module(name, package)

    builtins.__import__ = guarded_import
    importlib.import_module = guarded_import_module


def refusing_module(dotted: str, real: types.ModuleType, refuse: Refuse, filename: str) -> types.ModuleType:
    """What stands for a forbidden submodule on its package: the judged file's uses are refused, others forwarded."""

    class Refused(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            if caller(2) == filename and not name.startswith("__"):
                refuse(f"{dotted}.{name}")
            return getattr(real, name)

    return Refused(dotted)
