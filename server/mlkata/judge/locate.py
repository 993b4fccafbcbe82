"""Map what happened in a run to a range in the user's file.

Python reports columns as UTF-8 byte offsets; locations here count characters, 1-based.
"""

from __future__ import annotations

import ast
import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from mlkata.i18n import t
from mlkata.judge.verdict import Location

_FAULT_FRAME = re.compile(r'^\s*File "(?P<file>.*)", line (?P<line>\d+) in (?P<name>.*)$')
_DEF_NAME = re.compile(r"\b(?:async\s+def|def|class)\s+([A-Za-z_]\w*)")


class Uncompilable(SyntaxError):
    """A source compile() or ast.parse() rejected with another exception, as a SyntaxError whose msg says why."""


def check_compiles(source: str, filename: str) -> None:
    """Compile the source and drop the code; SyntaxError (maybe Uncompilable) when it does not compile."""
    with _as_syntax_error(source, filename):
        compile(source, filename, "exec", dont_inherit=True)


def parse(source: str) -> ast.Module:
    """The source's syntax tree; SyntaxError (maybe Uncompilable) when it does not parse."""
    with _as_syntax_error(source, "<solution>"):
        return ast.parse(source)


@contextlib.contextmanager
def _as_syntax_error(source: str, filename: str) -> Iterator[None]:
    """Every way compiling the user's text fails, as a SyntaxError: the caller's one way to report it."""
    try:
        yield
    except SyntaxError:
        raise
    except RecursionError as exc:  # `1+1+...+1`, `f()()...()`: each level is a level of the compiler's recursion
        raise Uncompilable(_too_deep(exc), (filename, None, None, None)) from None
    except MemoryError as exc:  # the parser's own stack (`not not ... 1`, `----1`) or a huge text
        raise Uncompilable(_too_deep(exc, larger=True), (filename, None, None, None)) from None
    except UnicodeEncodeError as exc:  # a lone surrogate: an editor can send one, no UTF-8 file holds one
        line, column = _char_position(source, exc.start)
        what = t("judge.cannotEncode", char=repr(exc.object[exc.start]), reason=exc.reason)
        raise Uncompilable(what, (filename, line, column, None, line, column + 1)) from None
    except (ValueError, OverflowError) as exc:  # null bytes (Python 3.11 before 3.11.4), and what may yet come
        raise Uncompilable(t("judge.cannotCompile", error=f"{type(exc).__name__}: {exc}"), (filename, None, None, None)) from None


def _too_deep(exc: BaseException, larger: bool = False) -> str:
    name = type(exc).__name__
    return t("judge.tooDeepOrLarge", error=name) if larger else t("judge.tooDeep", error=name)


def _char_position(source: str, index: int) -> tuple[int, int]:
    """The 1-based line (as ``source.splitlines()`` numbers them) and character column of a character index."""
    start = 0
    for number, line in enumerate(source.splitlines(keepends=True), 1):
        if index < start + len(line):
            return number, index - start + 1
        start += len(line)
    return 1, 1


def char_column(lines: Sequence[str], line: int, byte_offset: int | None) -> int:
    """1-based character column of a 0-based UTF-8 byte offset on a 1-based line."""
    if byte_offset is None or not 1 <= line <= len(lines):
        return 1
    encoded = lines[line - 1].encode("utf-8")
    return len(encoded[: max(0, byte_offset)].decode("utf-8", "ignore")) + 1


def whole_line(lines: Sequence[str], line: int) -> Location:
    """The line's text without its indentation (line 1 of an empty file is 1:1-1:1)."""
    if not 1 <= line <= len(lines):
        line = max(1, min(line, len(lines) or 1))
        if not lines:
            return Location(1, 1, 1, 1)
    text = lines[line - 1]
    start = len(text) - len(text.lstrip()) + 1
    return Location(line, start, line, max(start, len(text.rstrip()) + 1))


def node_location(node: ast.AST, lines: Sequence[str]) -> Location:
    """The source range of an AST node."""
    line = getattr(node, "lineno", 1)
    end_line = getattr(node, "end_lineno", None) or line
    col = char_column(lines, line, getattr(node, "col_offset", 0))
    end_col = char_column(lines, end_line, getattr(node, "end_col_offset", None))
    if end_line == line and end_col <= col:
        return whole_line(lines, line)
    return Location(line, col, end_line, end_col)


def definition(source: str, name: str) -> Location | None:
    """The name in the top-level ``def name``/``class name`` line, if there is one."""
    try:
        tree = parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            text = lines[node.lineno - 1]
            match = _DEF_NAME.search(text)
            if match and match.group(1) == name:
                return Location(node.lineno, match.start(1) + 1, node.lineno, match.end(1) + 1)
            return whole_line(lines, node.lineno)
    return None


def deepest_user_frame(frames: Sequence[dict[str, Any]], filename: str, lines: Sequence[str]) -> Location | None:
    """The innermost traceback frame that lies in the user's file."""
    for frame in reversed(frames):
        if frame.get("file") != filename:
            continue
        line = frame.get("line")
        if not isinstance(line, int) or not 1 <= line <= len(lines):
            continue
        end_line = frame.get("end_line") or line
        col, end_col = frame.get("col"), frame.get("end_col")
        if isinstance(col, int) and isinstance(end_col, int) and end_line == line:
            start = char_column(lines, line, col)
            end = char_column(lines, line, end_col)
            if end > start:
                return Location(line, start, line, end)
        return whole_line(lines, line)
    return None


def fault_location(text: str, filename: str, lines: Sequence[str]) -> Location | None:
    """The most recent frame in the user's file of a faulthandler dump (most recent first)."""
    for raw in text.splitlines():
        match = _FAULT_FRAME.match(raw)
        if match and match.group("file") == filename:
            line = int(match.group("line"))
            if 1 <= line <= len(lines):
                return whole_line(lines, line)
    return None


def exit_call(source: str) -> Location | None:
    """The first ``sys.exit``/``os._exit``/``exit``/``quit`` call in the source, if any."""
    try:
        tree = parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines()
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("exit", "_exit", "quit", "abort", "kill"):
            calls.append(node)
    if not calls:
        return None
    first = min(calls, key=lambda n: (n.lineno, n.col_offset))
    return node_location(first, lines)
