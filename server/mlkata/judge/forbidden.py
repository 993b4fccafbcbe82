"""Static scan for forbidden APIs, resolving import aliases.

``import torch.nn.functional as F`` then ``F.scaled_dot_product_attention(...)`` resolves to
``torch.nn.functional.scaled_dot_product_attention``. A forbidden name that is a module
(``numpy``) forbids importing it and anything in it. A forbidden torch operator, spelled
``torch.X``, ``torch.nn.functional.X`` or ``torch.special.X``, is also found under the spellings
of the same ATen operator that name no module (``torch._C._VariableFunctions.X``,
``torch._C._nn.X``, ``torch._C._special.X``, ``torch.ops.aten.X`` and its overloads,
``torch.Tensor.X`` for ``torch.X``, and the in-place ``X_``): the scan does not import torch. The
judged process also guards the same APIs at run time, by what is called rather than by name
(:mod:`mlkata.judge.child.forbid`), for uses no static scan can see (``getattr`` with a built string).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Sequence

import attrs

from mlkata.judge.locate import node_location, parse
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


_OP_SPELLINGS = (
    "torch.{}",
    "torch.nn.functional.{}",
    "torch._C._VariableFunctions.{}",
    "torch._C._VariableFunctionsClass.{}",
    "torch._C._nn.{}",
    "torch._C._special.{}",
    "torch.ops.aten.{}",
)
"""Where torch keeps an ATen operator X under its own name (``torch.ops.aten.X.default`` too, as a prefix)."""
_METHOD_SPELLINGS = ("torch.Tensor.{}", "torch._C.TensorBase.{}")
"""Where an operator forbidden as ``torch.X`` is also a Tensor method."""


def _operator(name: str) -> str | None:
    """The ATen operator a forbidden ``torch.X``, ``torch.nn.functional.X`` or ``torch.special.X`` names (in-place ``X_`` is X)."""
    for prefix, operator in (("torch.nn.functional.", "{}"), ("torch.special.", "special_{}"), ("torch.", "{}")):
        rest = name.removeprefix(prefix)
        if rest != name:
            if not rest or "." in rest:
                return None
            op = operator.format(rest)
            return op[:-1] if op.endswith("_") and not op.endswith("__") else op
    return None


@functools.lru_cache(maxsize=64)
def _spellings(forbidden: tuple[str, ...]) -> dict[str, str]:
    """Every other spelling of a forbidden torch operator -> the forbidden name it stands for."""
    spellings: dict[str, str] = {}
    for name in sorted(forbidden, key=lambda n: n.count(".")):  # torch.X first: the closest name
        op = _operator(name)
        if op is None:
            continue
        templates = _OP_SPELLINGS + (_METHOD_SPELLINGS if name.count(".") == 1 else ())
        for template in templates:
            for variant in (op, op + "_"):
                spellings.setdefault(template.format(variant), name)
    return spellings


def _matches(full: str, forbidden: Sequence[str]) -> str | None:
    for name in forbidden:
        if full == name or full.startswith(name + "."):
            return name
    spellings = _spellings(tuple(forbidden))
    parts = full.split(".")
    for end in range(len(parts), 1, -1):
        stands_for = spellings.get(".".join(parts[:end]))
        if stands_for is not None:
            return stands_for
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
    """Every use of a forbidden name in the source, in source order; SyntaxError when it does not parse."""
    if not forbidden:
        return []
    tree = parse(source)  # every parse failure a SyntaxError, as the engine reports them
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
