"""The classic algorithm mistakes as mutation operators (after mutmut's and cosmic-ray's): off by one,
comparisons, logic, swapped arguments, early returns, dropped statements, arithmetic, constants."""

from __future__ import annotations

import ast
import copy
import itertools
from collections.abc import Iterator

from mlkata.mutation.ml_ops import int_of, name_of
from mlkata.mutation.source import Code, Edit, short

COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}  # fmt: skip
ARITH: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.MatMult: ast.Mult,
}  # fmt: skip
ORDERED = (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.MatMult)
"""Operators whose operands cannot be swapped without changing the result."""
SYMMETRIC = {
    "max", "min", "maximum", "minimum", "hypot", "gcd", "add", "mul", "logaddexp", "eq", "ne", "isclose", "allclose",
    "transpose", "swapaxes", "swapdims",
}  # fmt: skip
"""Calls whose two arguments may be swapped freely: swapping them makes only equivalent mutants."""
NO_SWAP = {"isinstance", "issubclass", "getattr", "setattr", "hasattr", "print", "super"}
"""Calls where a swap makes only a TypeError, never a mistake someone writes."""
QUIET = {"print"}
"""Calls whose statement may go without changing any result."""


def symbol(op: ast.AST) -> str:
    """An operator as written: ``<=``, ``is not``, ``//``."""
    return ast.unparse(ast.Compare(ast.Name("a"), [op], [ast.Name("b")]))[2:-2] if isinstance(op, ast.cmpop) else _binop(op)


def _binop(op: ast.AST) -> str:
    return ast.unparse(ast.BinOp(ast.Name("a"), op, ast.Name("b")))[2:-2]  # type: ignore[arg-type]


def plus(node: ast.expr, k: int) -> ast.expr:
    """``node + k``, folded into a literal or an existing ``+ c`` (``n + 1`` + 1 is ``n + 2``, - 1 is ``n``)."""
    value = int_of(node)
    if value is not None:
        return ast.Constant(value + k)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub) and int_of(node.right) is not None:
        c = (int_of(node.right) or 0) * (1 if isinstance(node.op, ast.Add) else -1) + k
        if c == 0:
            return node.left
        return ast.BinOp(node.left, ast.Add() if c > 0 else ast.Sub(), ast.Constant(abs(c)))
    return ast.BinOp(node, ast.Add() if k > 0 else ast.Sub(), ast.Constant(abs(k)))


def off_by_one(code: Code) -> Iterator[Edit]:
    """A range's or a slice's bound moved by one (``range(1, n + 1)`` -> ``range(1, n)``); ``range(n)`` from 1."""
    for call in code.nodes(ast.Call):
        if name_of(call) != "range" or not isinstance(call.func, ast.Name) or call.keywords or not 1 <= len(call.args) <= 3:
            continue
        args = call.args
        bounds = [("end", args[0])] if len(args) == 1 else [("start", args[0]), ("end", args[1])]
        for what, bound in bounds:
            for k in (1, -1):
                new = plus(bound, k)
                yield code.replace("off-by-one", bound, new, f"range {what} {short(bound)} -> {short(new)}")
        if len(args) == 1:
            new_call = ast.Call(call.func, [ast.Constant(1), args[0]], [])
            yield code.replace("off-by-one", call, new_call, f"range start 0 -> 1 in `{short(call)}`")
    for node in code.nodes(ast.Slice):
        for what, edge in (("start", node.lower), ("stop", node.upper)):
            for k in (1, -1) if edge is not None else ():
                assert edge is not None
                moved = plus(edge, k)
                yield code.replace("off-by-one", edge, moved, f"slice {what} {short(edge)} -> {short(moved)}")


def compare(code: Code) -> Iterator[Edit]:
    """``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``, ``is`` <-> ``is not``, ``in`` <-> ``not in``."""
    for node in code.nodes(ast.Compare):
        for i, op in enumerate(node.ops):
            new = copy.deepcopy(node)
            new.ops[i] = COMPARE[type(op)]()
            yield code.replace("compare", node, new, f"compare: {symbol(op)} -> {symbol(new.ops[i])} in `{short(node)}`")


def logic(code: Code) -> Iterator[Edit]:
    """``and`` <-> ``or``; a ``not`` dropped."""
    for node in code.nodes(ast.BoolOp):
        new = ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)
        was, now = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        yield code.replace("logic", node, new, f"logic: {was} -> {now} in `{short(node)}`")
    for unary in code.nodes(ast.UnaryOp):
        if isinstance(unary.op, ast.Not):
            yield code.replace("logic", unary, unary.operand, f"logic: `{short(unary)}` -> `{short(unary.operand)}`")


def swap_args(code: Code) -> Iterator[Edit]:
    """Two neighbouring positional arguments swapped (``f(a, b)`` -> ``f(b, a)``); ``a - b`` -> ``b - a``
    (not ``i - 1``: a constant's side is the constant operator's)."""
    for call in code.nodes(ast.Call):
        name = name_of(call)
        args = call.args
        if name in NO_SWAP or (name in SYMMETRIC and len(args) == 2) or any(isinstance(a, ast.Starred) for a in args):
            continue
        for i in range(len(args) - 1):
            if ast.unparse(args[i]) != ast.unparse(args[i + 1]):
                new = copy.deepcopy(call)
                new.args[i], new.args[i + 1] = new.args[i + 1], new.args[i]
                label = f"arguments swapped: `{short(args[i])}` <-> `{short(args[i + 1])}` in {name}(...)"
                yield code.replace("swap-args", call, new, label)
    for node in code.nodes(ast.BinOp):
        constants = isinstance(node.left, ast.Constant) or isinstance(node.right, ast.Constant)
        if isinstance(node.op, ORDERED) and not constants and ast.unparse(node.left) != ast.unparse(node.right):
            new_op = ast.BinOp(node.right, node.op, node.left)
            yield code.replace("swap-args", node, new_op, f"operands swapped: `{short(node)}` -> `{short(new_op)}`")


def _bodies(tree: ast.AST) -> Iterator[list[ast.stmt]]:
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                yield value


def return_early(code: Code) -> Iterator[Edit]:
    """The ``return`` after a loop indented into it (the function returns after the first iteration)."""
    for body in _bodies(code.tree):
        for loop, ret in itertools.pairwise(body):
            if not isinstance(ret, ast.Return) or not isinstance(loop, ast.For | ast.While) or loop.orelse or ret in code.frozen:
                continue
            first, last = loop.body[0], loop.body[-1]
            indent = code.lines[first.lineno - 1][: code.offset(first.lineno, first.col_offset) - code.starts[first.lineno - 1]]
            if first.lineno == loop.lineno or indent.strip():
                continue  # a one-line loop: no indentation to move the return into
            end = code.span(last)[1]
            edit = Edit(
                "return-early",
                f"return-early: `{short(ret)}` moved into the loop of line {loop.lineno} (returns after one iteration)",
                last.end_lineno or last.lineno,
                end,
                code.span(ret)[1],
                f"\n{indent}{ast.unparse(ret)}",
                f"{ast.unparse(ret)}\0into the loop",
            )
            yield edit


def break_continue(code: Code) -> Iterator[Edit]:
    """``break`` <-> ``continue``."""
    for node in code.nodes((ast.Break, ast.Continue)):
        was, now = ("break", "continue") if isinstance(node, ast.Break) else ("continue", "break")
        yield code.replace_text("break-continue", node, now, f"loop: {was} -> {now}")


def drop_statement(code: Code) -> Iterator[Edit]:
    """A statement with an effect dropped: a call (``p.mul_(...)``, an update), ``x += y``, a guard's ``return``."""
    for node in code.nodes((ast.Expr, ast.AugAssign, ast.Return)):
        if isinstance(node, ast.Expr) and not (isinstance(node.value, ast.Call) and name_of(node.value) not in QUIET):
            continue
        if isinstance(node, ast.Return) and not isinstance(code.parent.get(node), ast.If):
            continue
        yield code.replace_text("drop-statement", node, "pass", f"statement dropped: `{short(node)}`")


def arith(code: Code) -> Iterator[Edit]:
    """``+`` <-> ``-``, ``*`` <-> ``/``, ``//`` -> ``/``, ``%`` -> ``//``, ``**`` -> ``*``, ``@`` -> ``*``; a sign dropped."""
    for node in code.nodes(ast.BinOp):
        new = ast.BinOp(node.left, ARITH[type(node.op)](), node.right) if type(node.op) in ARITH else None
        if new is not None:
            yield code.replace("arith", node, new, f"arith: {symbol(node.op)} -> {symbol(new.op)} in `{short(node)}`")
    for aug in code.nodes(ast.AugAssign):
        if type(aug.op) in ARITH:
            new_aug = ast.AugAssign(aug.target, ARITH[type(aug.op)](), aug.value)
            label = f"arith: {symbol(aug.op)}= -> {symbol(new_aug.op)}= in `{short(aug)}`"
            yield code.replace_text("arith", aug, ast.unparse(new_aug), label)
    for unary in code.nodes(ast.UnaryOp):
        if isinstance(unary.op, ast.USub) and not isinstance(unary.operand, ast.Constant):
            yield code.replace("arith", unary, unary.operand, f"sign dropped: `{short(unary)}` -> `{short(unary.operand)}`")


def constant(code: Code) -> Iterator[Edit]:
    """A number literal + 1 and - 1 (``-1`` as one literal); ``True`` <-> ``False``."""
    for node in code.nodes((ast.Constant, ast.UnaryOp)):
        value = _literal(code, node)
        if isinstance(value, bool):
            yield code.replace("constant", node, ast.Constant(not value), f"constant: {value} -> {not value}")
        elif isinstance(value, int | float):
            for k in (1, -1):
                yield code.replace("constant", node, ast.Constant(value + k), f"constant: {value!r} -> {value + k!r}")


def _literal(code: Code, node: ast.expr) -> object:
    """The number or bool a node writes (``-1`` too); None for anything else, and for the ``1`` inside ``-1``."""
    if isinstance(node, ast.UnaryOp):
        value = node.operand.value if isinstance(node.operand, ast.Constant) else None
        if isinstance(node.op, ast.USub) and isinstance(value, int | float) and not isinstance(value, bool):
            return -value
        return None
    if isinstance(node, ast.Constant) and not isinstance(code.parent.get(node), ast.UnaryOp):
        return node.value if isinstance(node.value, bool) or _number(node.value) else None
    return None


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


OPERATORS = (off_by_one, compare, logic, swap_args, return_early, break_continue, drop_statement, arith, constant)
