"""A reference solution as text and tree, and the mutants made from it by splicing one node's text.

Operators (:mod:`mlkata.mutation.ml_ops`, :mod:`mlkata.mutation.classic_ops`) find nodes with
:meth:`Code.nodes` and return :class:`Edit` values; :meth:`Code.mutant` splices an edit into the
text, so everything but the mutated span keeps its spelling, comments and line numbers.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterator
from typing import TypeVar

import attrs

N = TypeVar("N", bound=ast.AST)

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
"""A line with its end, as Python's tokenizer splits them (form feeds and the like stay inside)."""
BINARY = {
    ast.BitOr: 7, ast.BitXor: 8, ast.BitAnd: 9, ast.LShift: 10, ast.RShift: 10, ast.Add: 11, ast.Sub: 11,
    ast.Mult: 12, ast.Div: 12, ast.FloorDiv: 12, ast.Mod: 12, ast.MatMult: 12, ast.Pow: 14,
}  # fmt: skip
"""Binding strength of the binary operators (Python's precedence table, higher binds tighter)."""
ATOM = 16
SHORT = 60


@attrs.frozen
class Mutant:
    """One mutant of a reference solution."""

    id: str
    """``<operator>:<8 hex of sha1>:<occurrence>``: the hash is of the original node, its replacement and
    the statement around them, normalised (``ast.unparse``); the occurrence counts identical ones in
    file order. It stays the same when other statements change, or comments and spacing anywhere."""
    operator: str
    """The operator's name (``dim``, ``compare``, ...)."""
    description: str
    """What changed, for a person: ``softmax: dim=-1 -> dim=-2 at line 12``."""
    line: int
    """First line of the mutated span."""
    source: str
    """The whole mutated solution."""
    before: tuple[str, ...]
    """The lines of the span in the reference."""
    after: tuple[str, ...]
    """The same lines in the mutant."""


@attrs.frozen
class Edit:
    """What an operator changes: the text at ``start:end`` (character offsets) becomes ``text``."""

    operator: str
    label: str
    """What changed, without the line (``compare: < -> <=``)."""
    line: int
    start: int
    end: int
    text: str
    key: str
    """The statement around the node, the node and its replacement, normalised: what the id hashes."""


class Code:
    """A solution's text, its tree, each node's parent and what operators leave alone."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tree = ast.parse(text)
        self.lines = [m.group(0) for m in LINE.finditer(text)]
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.parent: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
        self.frozen = _frozen(self.tree)

    def offset(self, line: int, col: int) -> int:
        """Character offset of an AST position (``col`` counts UTF-8 bytes)."""
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        return self.starts[line - 1] + len(text.encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        """Character offsets of a node's text."""
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        return start, self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def nodes(self, kind: type[N] | tuple[type[N], ...]) -> Iterator[N]:
        """Nodes of a kind in source order, outside what operators leave alone (imports, docstrings, raise, annotations)."""
        found = [n for n in ast.walk(self.tree) if isinstance(n, kind) and n not in self.frozen]
        yield from sorted(found, key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]

    def function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The innermost function around a node."""
        while node in self.parent:
            node = self.parent[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None

    def params(self, node: ast.AST) -> set[str]:
        """Parameter names of the function around a node (its inputs), ``self`` and ``cls`` left out."""
        func = self.function_of(node)
        if func is None:
            return set()
        args = func.args
        names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
        return {n for n in names if n not in ("self", "cls")}

    def context(self, node: ast.AST) -> str:
        """The statement a node is in, normalised (of a compound statement, only the part holding the node)."""
        part = node
        while not isinstance(part, ast.stmt) and part in self.parent:
            parent = self.parent[part]
            if isinstance(parent, ast.stmt) and hasattr(parent, "body"):
                break  # a loop's or an if's header: not the body under it
            part = parent
        return ast.unparse(part)

    def replace(self, operator: str, node: ast.expr, new: ast.expr, label: str) -> Edit:
        """An edit replacing an expression by another (parenthesised where its place needs it)."""
        text = ast.unparse(new)
        start, end = self.span(node)
        if _needs_parens(self.parent.get(node), node, new) and not self._wrapped(start, end):
            text = f"({text})"
        key = f"{self.context(node)}\0{ast.unparse(node)}\0{ast.unparse(new)}"
        return Edit(operator, label, node.lineno, start, end, text, key)

    def replace_text(self, operator: str, node: ast.AST, text: str, label: str) -> Edit:
        """An edit replacing a node's text (a statement, usually) by ``text``."""
        start, end = self.span(node)
        key = f"{self.context(node)}\0{ast.unparse(node)}\0{text}"
        return Edit(operator, label, node.lineno, start, end, text, key)  # type: ignore[attr-defined]

    def _wrapped(self, start: int, end: int) -> bool:
        """True when the text at start:end already stands in parentheses of its own."""
        return self.text[:start].rstrip().endswith("(") and self.text[end:].lstrip().startswith(")")

    def mutant(self, edit: Edit, occurrence: int) -> Mutant:
        """The mutant an edit makes (``occurrence``: its index among edits with the same operator and key)."""
        source = self.text[: edit.start] + edit.text + self.text[edit.end :]
        first = self.starts[edit.line - 1]
        last = self.text.find("\n", edit.end)
        last = len(self.text) if last < 0 else last
        before = self.text[first:last]
        after = self.text[first : edit.start] + edit.text + self.text[edit.end : last]
        digest = hashlib.sha1(edit.key.encode("utf-8")).hexdigest()[:8]
        return Mutant(
            id=f"{edit.operator}:{digest}:{occurrence}",
            operator=edit.operator,
            description=f"{edit.label} at line {edit.line}",
            line=edit.line,
            source=source,
            before=tuple(before.splitlines()),
            after=tuple(after.splitlines()),
        )


def short(node: ast.AST | str) -> str:
    """A node's normalised text, cut to a readable length."""
    text = node if isinstance(node, str) else ast.unparse(node)
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 3] + "..."


def precedence(node: ast.AST) -> int:
    """How tightly an expression binds (``ATOM`` for names, calls, literals)."""
    if isinstance(node, ast.NamedExpr | ast.Starred | ast.Yield | ast.YieldFrom | ast.Lambda):
        return 1
    if isinstance(node, ast.IfExp):
        return 2
    if isinstance(node, ast.BoolOp):
        return 3 if isinstance(node.op, ast.Or) else 4
    if isinstance(node, ast.UnaryOp):
        return 5 if isinstance(node.op, ast.Not) else 13
    if isinstance(node, ast.Compare):
        return 6
    if isinstance(node, ast.BinOp):
        return BINARY[type(node.op)]
    if isinstance(node, ast.Await):
        return 15
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and node.value < 0:
        return 13  # written with a unary minus
    return ATOM


def _needs_parens(parent: ast.AST | None, node: ast.AST, new: ast.expr) -> bool:
    """True when ``new``, written where ``node`` stood, would bind to its neighbours differently."""
    if parent is None or _free_slot(parent, node):
        return False
    mine = precedence(new)
    if isinstance(parent, ast.Attribute | ast.Subscript | ast.Call):
        return mine < ATOM  # the value an attribute, index or call applies to
    if isinstance(parent, ast.comprehension):
        return mine <= 2  # a conditional or a lambda as a comprehension's iterable or condition
    if not isinstance(parent, ast.BinOp | ast.UnaryOp | ast.BoolOp | ast.Compare | ast.IfExp | ast.Await):
        return False
    theirs = precedence(parent)
    if mine != theirs:
        return mine < theirs
    if isinstance(parent, ast.BinOp):  # left-associative, but for **
        return (node is parent.right) != isinstance(parent.op, ast.Pow)
    return not isinstance(parent, ast.BoolOp | ast.UnaryOp)


def _free_slot(parent: ast.AST, node: ast.AST) -> bool:
    """True where any expression may stand without parentheses (an argument, an element, a statement's value)."""
    if not isinstance(parent, ast.expr):
        return not isinstance(parent, ast.comprehension)
    if isinstance(parent, ast.Call):
        return node in parent.args
    if isinstance(parent, ast.Subscript):
        return node is parent.slice
    if isinstance(parent, ast.ListComp | ast.SetComp | ast.GeneratorExp):
        return node is parent.elt
    if isinstance(parent, ast.DictComp):
        return node is parent.key or node is parent.value
    return isinstance(parent, ast.List | ast.Tuple | ast.Set | ast.Dict | ast.Slice | ast.Lambda | ast.FormattedValue)


def _docstrings(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                yield first


def _frozen_roots(tree: ast.AST) -> Iterator[ast.AST]:
    """Subtrees no operator changes: what the tests cannot observe, or what only declares."""
    yield from _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom | ast.Raise | ast.JoinedStr | ast.Global | ast.Nonlocal):
            yield node
        elif isinstance(node, ast.Assert) and node.msg is not None:
            yield node.msg
        elif isinstance(node, ast.arg) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from node.decorator_list  # the detach operator visits no_grad decorators itself
            if not isinstance(node, ast.ClassDef) and node.returns is not None:
                yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation
        elif _declaration(node):
            yield node


def _declaration(node: ast.AST) -> bool:
    """``__slots__ = ...``, ``__all__ = ...``, ``if __name__ == "__main__":``."""
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id in ("__slots__", "__all__") for t in node.targets)
    return isinstance(node, ast.If) and "__name__" in ast.unparse(node.test)


def _frozen(tree: ast.AST) -> set[ast.AST]:
    return {n for root in _frozen_roots(tree) for n in ast.walk(root)}
