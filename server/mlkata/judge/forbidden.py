"""Static scan for forbidden APIs, resolving import aliases.

``import torch.nn.functional as F`` then ``F.scaled_dot_product_attention(...)`` resolves to
``torch.nn.functional.scaled_dot_product_attention``. A forbidden name that is a module
(``numpy``) forbids importing it and anything in it. The judged process also guards the
same names at run time, for uses no static scan can see (``getattr`` with a built string).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

import attrs

from mlkata.judge.locate import node_location
from mlkata.judge.verdict import Location


@attrs.frozen
class Finding:
    """One use of a forbidden API."""

    name: str
    """The forbidden dotted name that was matched."""
    used_as: str
    """How the code spelled it, e.g. ``F.scaled_dot_product_attention``."""
    location: Location
    """Where."""


def _matches(full: str, forbidden: Sequence[str]) -> str | None:
    for name in forbidden:
        if full == name or full.startswith(name + "."):
            return name
    return None


def _dotted(node: ast.AST) -> list[str] | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def scan(source: str, forbidden: Sequence[str]) -> list[Finding]:
    """Every use of a forbidden name in the source, in source order."""
    if not forbidden:
        return []
    tree = ast.parse(source)
    lines = source.splitlines()
    findings: list[Finding] = []

    def hit(full: str, spelled: str, node: ast.AST) -> None:
        name = _matches(full, forbidden)
        if name:
            findings.append(Finding(name, spelled, node_location(node, lines)))

    aliases = _imports(tree, forbidden, hit)
    _uses(tree, aliases, hit)
    findings.sort(key=lambda f: (f.location.line, f.location.column))
    unique: list[Finding] = []
    for f in findings:
        if not any(u.location == f.location for u in unique):
            unique.append(f)
    return unique


Hit = Callable[[str, str, ast.AST], None]


def _imports(tree: ast.AST, forbidden: Sequence[str], hit: Hit) -> dict[str, str]:
    """Report forbidden imports; returns the names the imports bind (local name -> dotted name)."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    root = alias.name.partition(".")[0]
                    aliases[root] = root
                hit(alias.name, f"import {alias.name}", node)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            hit(node.module, f"from {node.module} import ...", node)
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                aliases[alias.asname or alias.name] = full
                if not _matches(node.module, forbidden):
                    hit(full, f"from {node.module} import {alias.name}", node)
    return aliases


def _uses(tree: ast.AST, aliases: dict[str, str], hit: Hit) -> None:
    """Report uses of imported names: dotted access, ``__import__``/``import_module``, ``getattr``."""
    seen: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Attribute, ast.Name)) and id(node) not in seen:
            parts = _dotted(node)
            if not parts or parts[0] not in aliases:
                continue
            # Mark inner attribute nodes so `a.b.c` is reported once, at its outermost node.
            inner = node.value if isinstance(node, ast.Attribute) else None
            while isinstance(inner, ast.Attribute):
                seen.add(id(inner))
                inner = inner.value
            full = ".".join([aliases[parts[0]], *parts[1:]])
            if isinstance(node, ast.Name) and full == parts[0]:
                continue  # a bare module name, already reported at its import
            hit(full, ".".join(parts), node)
        elif isinstance(node, ast.Call):
            _call(node, aliases, hit)


def _call(node: ast.Call, aliases: dict[str, str], hit: Hit) -> None:
    func = node.func
    fname = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    args = node.args
    if fname in ("__import__", "import_module") and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
        hit(args[0].value, f"{fname}({args[0].value!r})", node)
    elif fname == "getattr" and len(args) >= 2 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str):
        parts = _dotted(args[0])
        if parts and parts[0] in aliases:
            full = ".".join([aliases[parts[0]], *parts[1:], args[1].value])
            hit(full, f"getattr({'.'.join(parts)}, {args[1].value!r})", node)
