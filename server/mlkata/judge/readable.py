"""Readable forms of a failing case's expected and actual values, for an expected/actual diff.

The Testing view shows them side by side (``TestMessage.diff``): numbers, strings, lists, tuples,
dicts and sets of them, and small tensors printed compactly, one row of the last axis per line,
so a diff highlights the rows that differ. A value without a readable form (a large tensor, an
object the judge only names) has none, and the failure message and the failing case's lines say
what differs instead. Runs on the trusted side only, on one failing test's outputs. Standard
library only; torch is used only when a tensor is rendered.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

MAX_CHARS = 4000
"""A readable form is at most this many characters..."""
MAX_LINES = 80
"""...and this many lines."""
MAX_TENSOR_VALUES = 256
"""Tensors with more values have no readable form (their shape and statistics are in the details)."""
ONE_LINE = 100
"""A container whose one-line form is at most this long is written on one line."""


def with_values(fail: Any, expected: Any, got: Any, describe: Callable[[Any], str]) -> None:
    """Give a :class:`~mlkata.judge.compare.Fail` the readable forms of the values compared, when expected has one.

    Called on the way out of each nested comparison, so the values shown are the largest enclosing
    ones that still have a readable form (a whole list, not its first differing item). ``describe``
    names an actual value that has none (``a tensor of shape (500,)``).
    """
    if isinstance(expected, dict) and set(expected) == {"call", "returned"}:  # a call's result: its returned value
        expected, got = expected["returned"], got.get("returned") if isinstance(got, dict) else got
    shown, seen = readable(expected), readable(got)
    if shown is not None and (seen is not None or fail.expected is None):
        fail.expected, fail.actual = shown, seen if seen is not None else describe(got)


class _TooLarge(Exception):
    """The value has no readable form within the bounds."""


def readable(value: Any) -> str | None:
    """The value as text for a diff (a string as itself), or None when it has no readable form."""
    try:
        lines = [value] if isinstance(value, str) else _lines(value)
    except _TooLarge:
        return None
    text = "\n".join(lines)
    if len(text) > MAX_CHARS or text.count("\n") >= MAX_LINES:
        return None
    return text


def _scalar(value: Any) -> str | None:
    """A number, bool, None or string on one line; None for anything else."""
    if value is None or isinstance(value, (bool, int, str)):
        return repr(value)
    if isinstance(value, float):
        return _num(value)
    return None


def _lines(value: Any) -> list[str]:
    scalar = _scalar(value)
    if scalar is not None:
        return [scalar]
    if _is_tensor(value):
        return _tensor(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            try:
                items = sorted(items)
            except TypeError:
                items = sorted(items, key=repr)
        brackets = {list: "[]", tuple: "()"}.get(type(value), "{}")
        opening, closing = brackets[0], brackets[1]
        if not items and isinstance(value, (set, frozenset)):
            return ["set()"]
        packed = all(_scalar(v) is not None for v in items)
        calls = any(isinstance(v, dict) and set(v) == {"call", "returned"} for v in items)  # one call per line
        return _container(
            opening, closing, [_lines(v) for v in items], packed, isinstance(value, tuple) and len(items) == 1, not calls
        )
    if isinstance(value, dict) and set(value) == {"call", "returned"} and isinstance(value["call"], str):
        shown = _lines(value["returned"])  # a call the test made (mlkata.judge.api.call), as code and its result
        return [f"{value['call']} -> {shown[0]}", *shown[1:]]
    if isinstance(value, dict):
        rows = []
        for key, item in value.items():
            shown = _lines(item)
            rows.append([f"{_scalar(key) or repr(key)}: {shown[0]}", *shown[1:]])
        return _container("{", "}", rows)
    raise _TooLarge


def _container(
    opening: str, closing: str, items: list[list[str]], packed: bool = False, tuple_of_one: bool = False, one_line: bool = True
) -> list[str]:
    """Items on one line when they all fit there, else filling lines (``packed``: scalars) or one item per line, indented."""
    if sum(len(i) for i in items) > MAX_LINES * 8:
        raise _TooLarge
    if one_line and all(len(i) == 1 for i in items):
        line = opening + ", ".join(i[0] for i in items) + ("," if tuple_of_one else "") + closing
        if len(line) <= ONE_LINE:
            return [line]
    if packed:
        lines = [opening]
        for n, (item,) in enumerate(items):
            text = item + ("," if n < len(items) - 1 else closing)
            if len(lines[-1]) + 1 + len(text) > ONE_LINE and lines[-1].strip() not in ("", opening):
                lines.append(" ")
            lines[-1] += ("" if lines[-1] in (opening, " ") else " ") + text
        return lines
    if sum(len(i) for i in items) > MAX_LINES:
        raise _TooLarge
    out = [opening]
    for block in items:
        out += ["  " + line for line in block[:-1]] + [f"  {block[-1]},"]
    return [*out, closing]


def _tensor(value: Any) -> list[str]:
    """``float32 (2, 3)`` then the values as nested lists, one row of the last axis per line."""
    if value.numel() > MAX_TENSOR_VALUES:
        raise _TooLarge
    dtype = str(value.dtype).replace("torch.", "")
    head = f"{dtype} {_shape(value.shape)}"
    data = value.detach().cpu().tolist()
    if not isinstance(data, list):
        return [f"{head} = {_number(data)}"]
    return [head, *_rows(data, 0)]


def _rows(data: list[Any], depth: int) -> list[str]:
    if not data or not isinstance(data[0], list):
        return ["[" + ", ".join(_number(x) for x in data) + "]"]
    inner = [_rows(x, depth + 1) for x in data]
    out: list[str] = []
    for i, block in enumerate(inner):
        last = i == len(inner) - 1
        for j, line in enumerate(block):
            prefix = "[" if i == 0 and j == 0 else " "
            suffix = "]" if last and j == len(block) - 1 else ("," if j == len(block) - 1 else "")
            out.append(prefix + line + suffix)
    return out


def _number(x: Any) -> str:
    return _num(x) if isinstance(x, float) else str(x)


def _num(x: float) -> str:
    """A float as :func:`mlkata.judge.compare.fmt_num` writes it (6 significant digits)."""
    return f"{x:.6g}" if math.isfinite(x) else str(x)


def _shape(shape: Any) -> str:
    return "(" + ", ".join(str(int(s)) for s in shape) + (",)" if len(shape) == 1 else ")")


def _is_tensor(value: object) -> bool:
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.Tensor)
