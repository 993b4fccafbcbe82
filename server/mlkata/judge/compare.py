"""Comparison of a solution's outputs with the reference's, with messages in one voice.

Runs only on the trusted side, on plain data rebuilt by :mod:`mlkata.judge.wire`. Every
mismatch raises :class:`Fail` whose message says what differs and where, e.g.
``out: max abs error 0.41 at (0, 2, 1): expected 0.1234, got 0.5234 (atol=1e-05, rtol=0.0001)``.
Standard library only; torch is used only when tensors are compared.
"""

from __future__ import annotations

import math
import sys
from typing import Any

from mlkata.judge.wire import Opaque, type_name

ATOL = 1e-5
RTOL = 1e-4


class Fail(AssertionError):
    """A check found a difference; the message is shown to the user as is.

    ``details`` are further lines about the failing case (expected and got at the first
    mismatch, the largest errors), shown as the diagnostic's related information.
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])


def _torch() -> Any:
    return sys.modules.get("torch")


def is_tensor(value: object) -> bool:
    """True when value is a torch tensor (without importing torch)."""
    torch = _torch()
    return torch is not None and isinstance(value, torch.Tensor)


def fmt_num(x: float) -> str:
    """A number as people read it in a message: 6 significant digits."""
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x)
    if math.isnan(x) or math.isinf(x):
        return str(x)
    return f"{x:.6g}"


def fmt_index(index: tuple[int, ...] | list[int]) -> str:
    """A tensor index as ``(0, 2, 1)``."""
    return "(" + ", ".join(str(int(i)) for i in index) + ")"


def fmt_shape(shape: Any) -> str:
    """A shape as ``(2, 3, 4)``."""
    return "(" + ", ".join(str(int(s)) for s in shape) + (",)" if len(shape) == 1 else ")")


def short(value: Any, limit: int = 80) -> str:
    """A truncated repr for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def article(name: str) -> str:
    """``a`` or ``an`` before a type's name ("an int", "a tensor")."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def describe(value: Any) -> str:
    """What kind of value this is, for "expected X, got Y" messages."""
    if value is None:
        return "None"
    if is_tensor(value):
        return f"a tensor of shape {fmt_shape(value.shape)} ({str(value.dtype).replace('torch.', '')})"
    if isinstance(value, Opaque):
        return article(value.type_name) + (f" ({value.text})" if value.text else "")
    if isinstance(value, bool):
        return f"a bool ({value})"
    if isinstance(value, (int, float, str)):
        return f"{article(type(value).__name__)} ({short(value, 40)})"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)}"
    if isinstance(value, dict):
        return f"a dict with keys {short(sorted(map(str, value)), 60)}"
    return article(type_name(value))


def _join(what: str, key: Any) -> str:
    if not what:
        return str(key)
    return f"{what}[{key!r}]" if not isinstance(key, int) else f"{what}[{key}]"


def require(condition: object, message: str) -> None:
    """Fail with message unless condition holds."""
    if not condition:
        raise Fail(message)


def same(expected: Any, got: Any, what: str = "", atol: float = ATOL, rtol: float = RTOL) -> None:
    """Structural comparison: tensors and floats within tolerance, everything else exactly."""
    label = what or "result"
    if isinstance(expected, dict) and set(expected) == {"call", "returned"}:
        _same_call(expected, got, atol, rtol)
        return
    if is_tensor(expected):
        close(got, expected, label, atol=atol, rtol=rtol)
        return
    if isinstance(expected, bool) or expected is None or isinstance(expected, (str, Opaque)):
        if type(got) is not type(expected) or got != expected:
            raise Fail(f"{label}: expected {short(expected)}, got {_got(got)}", _expected_got(label, expected, got))
        return
    if isinstance(expected, int):
        if isinstance(got, bool) or not isinstance(got, int):
            raise Fail(f"{label}: expected the int {expected}, got {describe(got)}", _expected_got(label, expected, got))
        if got != expected:
            raise Fail(f"{label}: expected {expected}, got {got}", _expected_got(label, expected, got))
        return
    if isinstance(expected, float):
        close(got, expected, label, atol=atol, rtol=rtol)
        return
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            raise Fail(f"{label}: expected a {type(expected).__name__} of {len(expected)}, got {describe(got)}")
        if len(got) != len(expected):
            raise Fail(f"{label}: expected {len(expected)} items, got {len(got)}", _expected_got(label, expected, got))
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            same(e, g, _join(what, i) if what else f"result[{i}]", atol, rtol)
        return
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            raise Fail(f"{label}: expected a dict, got {describe(got)}")
        missing = [k for k in expected if k not in got]
        if missing:
            raise Fail(f"{label}: missing key {missing[0]!r}")
        extra = [k for k in got if k not in expected]
        if extra:
            raise Fail(f"{label}: unexpected key {extra[0]!r}")
        for key, e in expected.items():
            same(e, got[key], _join(what, key), atol, rtol)
        return
    if isinstance(expected, (set, frozenset)):
        if not isinstance(got, (set, frozenset)) or got != expected:
            raise Fail(f"{label}: expected {short(expected)}, got {_got(got)}", _expected_got(label, expected, got))
        return
    raise Fail(f"{label}: cannot compare {describe(expected)}")


def _got(got: Any) -> str:
    return short(got) if isinstance(got, (str, int, float, type(None))) else describe(got)


def _shown(value: Any) -> str:
    if isinstance(value, (str, int, float, bool, type(None), list, tuple, dict, set, frozenset)):
        return short(value, 200)
    return describe(value)


def _expected_got(label: str, expected: Any, got: Any) -> list[str]:
    return [f"{label} expected: {_shown(expected)}", f"{label} got: {_shown(got)}"]


def _same_call(expected: dict[str, Any], got: Any, atol: float, rtol: float) -> None:
    call = expected["call"]
    returned = got.get("returned") if isinstance(got, dict) else got
    try:
        same(expected["returned"], returned, "returned", atol, rtol)
    except Fail as fail:
        details = [f"call: {call}", f"expected: {_shown(expected['returned'])}", f"got: {_shown(returned)}"]
        details += [d for d in fail.details if not d.startswith(("returned expected:", "returned got:"))]
        detail = fail.message.removeprefix("returned: ")
        if detail.startswith("expected "):
            raise Fail(f"{call}: {detail}", details) from None
        raise Fail(f"{call} returned a wrong value: {fail.message}", details) from None


def close(got: Any, expected: Any, what: str, atol: float = ATOL, rtol: float = RTOL) -> None:
    """Values (tensors or numbers) equal within ``atol + rtol * |expected|``."""
    if is_tensor(expected):
        _close_tensor(got, expected, what, atol, rtol)
        return
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        if is_tensor(got) and got.numel() == 1:  # type: ignore[union-attr]
            raise Fail(f"{what}: expected a Python number, got {describe(got)} (call .item())")
        raise Fail(f"{what}: expected the number {fmt_num(expected)}, got {describe(got)}")
    if math.isnan(expected) and math.isnan(got):
        return
    if math.isinf(expected) or math.isinf(got):
        if got == expected:
            return
    elif abs(got - expected) <= atol + rtol * abs(expected):
        return
    details = [f"{what}: expected {fmt_num(expected)}, got {fmt_num(got)}"]
    if math.isfinite(got - expected):
        details.append(f"abs error {fmt_num(abs(got - expected))}, rel error {_rel(abs(got - expected), abs(expected))}")
    raise Fail(f"{what}: expected {fmt_num(expected)}, got {fmt_num(got)} (atol={atol:g}, rtol={rtol:g})", details)


def _rel(err: float, scale: float) -> str:
    return fmt_num(err / scale) if scale > 0 else "inf"


def _close_tensor(got: Any, expected: Any, what: str, atol: float, rtol: float) -> None:
    torch = _torch()
    assert torch is not None
    if not is_tensor(got):
        raise Fail(f"{what}: expected {describe(expected)}, got {describe(got)}")
    if tuple(got.shape) != tuple(expected.shape):
        raise Fail(f"{what}: expected shape {fmt_shape(expected.shape)}, got {fmt_shape(got.shape)}")
    if got.dtype != expected.dtype:
        e, g = (str(x).replace("torch.", "") for x in (expected.dtype, got.dtype))
        raise Fail(f"{what}: expected dtype {e}, got {g}")
    if expected.dtype == torch.bool or (not expected.is_floating_point() and not expected.is_complex()):
        diff = got != expected
        if bool(diff.any()):
            idx = tuple(int(i) for i in diff.nonzero()[0])
            count = int(diff.sum())
            raise Fail(
                f"{what}: {count} of {expected.numel()} values differ; first at {fmt_index(idx)}: "
                f"expected {expected[idx].item()}, got {got[idx].item()}"
            )
        return
    e64, g64 = expected.double(), got.double()
    e_nan, g_nan = torch.isnan(e64), torch.isnan(g64)
    bad_nan = g_nan & ~e_nan
    if bool(bad_nan.any()):
        idx = tuple(int(i) for i in bad_nan.nonzero()[0])
        raise Fail(f"{what}: got NaN at {fmt_index(idx)} ({int(bad_nan.sum())} NaN values); expected {fmt_num(e64[idx].item())}")
    inf_mismatch = (torch.isinf(e64) | torch.isinf(g64)) & (e64 != g64) & ~e_nan
    missing_nan = e_nan & ~g_nan
    err = (g64 - e64).abs()
    err = torch.where(torch.isfinite(err), err, torch.zeros_like(err))
    bad = (err > atol + rtol * e64.abs().nan_to_num(0.0)) | inf_mismatch | missing_nan
    if not bool(bad.any()):
        return
    count = int(bad.sum())
    ranked = torch.where(inf_mismatch | missing_nan, torch.full_like(err, math.inf), err)
    ranked = torch.where(bad, ranked, torch.full_like(err, -1.0))
    flat = int(torch.argmax(ranked.reshape(-1)))
    idx = _unravel(flat, tuple(expected.shape))
    e_val, g_val = e64[idx].item(), g64[idx].item()
    where = f" at {fmt_index(idx)}" if idx else ""
    details = _tensor_details(what, expected, got, e64, g64, err, bad)
    if expected.dim() == 0:
        raise Fail(f"{what}: expected {fmt_num(e_val)}, got {fmt_num(g_val)} (atol={atol:g}, rtol={rtol:g})", details)
    max_err = float(err.max())
    raise Fail(
        f"{what}: max abs error {fmt_num(max(max_err, abs(g_val - e_val)) if math.isfinite(g_val - e_val) else math.inf)}"
        f"{where}: expected {fmt_num(e_val)}, got {fmt_num(g_val)}; {count} of {expected.numel()} values "
        f"outside atol={atol:g}, rtol={rtol:g}",
        details,
    )


def _unravel(flat: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    """The index of a flat position (torch.unravel_index imports sympy: 0.5-0.9 s the first time)."""
    index = []
    for size in reversed(shape):
        flat, i = divmod(flat, size)
        index.append(i)
    return tuple(reversed(index))


def _tensor_details(what: str, expected: Any, got: Any, e64: Any, g64: Any, err: Any, bad: Any) -> list[str]:
    """First mismatch in index order, largest errors, and small tensors in full."""
    torch = _torch()
    first = tuple(int(i) for i in bad.nonzero()[0]) if expected.dim() else ()
    at = f" at {fmt_index(first)}" if first else ""
    details = [f"{what}: first mismatch{at}: expected {fmt_num(e64[first].item())}, got {fmt_num(g64[first].item())}"]
    rel = err / e64.abs().clamp_min(1e-12)
    rel = torch.where(torch.isfinite(rel), rel, torch.zeros_like(rel))
    details.append(f"{what}: max abs error {fmt_num(float(err.max()))}, max rel error {fmt_num(float(rel.max()))}")
    if expected.numel() <= SMALL:
        details.append(f"{what} expected: {values(expected)}")
        details.append(f"{what} got: {values(got)}")
    return details


SMALL = 24
"""Tensors with at most this many values are shown in full."""


def values(t: Any) -> str:
    """A small tensor's values as nested lists, 4 significant digits."""

    def fmt(x: Any) -> str:
        return f"{x:.4g}" if isinstance(x, float) else str(x)

    def walk(v: Any) -> str:
        return "[" + ", ".join(walk(x) for x in v) + "]" if isinstance(v, list) else fmt(v)

    return walk(t.detach().cpu().tolist())


def summary(value: Any) -> str:
    """A value as an input line: small values in full, large tensors by shape and statistics."""
    if is_tensor(value):
        dtype = str(value.dtype).replace("torch.", "")
        shape = fmt_shape(value.shape)
        if value.numel() <= SMALL:
            return f"{dtype} {shape} = {values(value)}"
        if value.dtype == _torch().bool:
            return f"bool {shape}, {int(value.sum())} of {value.numel()} True"
        if value.is_floating_point():
            v = value.detach().double()
            return (
                f"{dtype} {shape}, mean {fmt_num(float(v.mean()))}, std {fmt_num(float(v.std()))}, "
                f"min {fmt_num(float(v.min()))}, max {fmt_num(float(v.max()))}"
            )
        v = value.detach()
        return f"{dtype} {shape}, min {int(v.min())}, max {int(v.max())}"
    if isinstance(value, (list, tuple)) and len(repr(value)) > 120:
        return f"a {type(value).__name__} of {len(value)}: {short(value, 120)}"
    return short(value, 160)


def sums_to_one(weights: Any, what: str = "weights", atol: float = 1e-5) -> None:
    """Every row of ``weights`` sums to 1 over the last axis."""
    if not is_tensor(weights):
        raise Fail(f"{what}: expected a tensor, got {describe(weights)}")
    if weights.dim() == 0:
        raise Fail(f"{what}: expected at least one dimension, got a 0-dim tensor")
    sums = weights.double().sum(dim=-1)
    bad = ~((sums - 1.0).abs() <= atol) | torch_isnan(sums)
    if bool(bad.any()):
        idx = tuple(int(i) for i in bad.nonzero()[0])
        raise Fail(
            f"{what} don't sum to 1 over the last axis (row {fmt_index(idx)} sums to "
            f"{fmt_num(sums[idx].item())}; {int(bad.sum())} of {sums.numel()} rows are off)"
        )


def torch_isnan(x: Any) -> Any:
    """Elementwise NaN test (tensor in, tensor out)."""
    torch = _torch()
    assert torch is not None
    return torch.isnan(x)


def zero_where_masked(weights: Any, allowed: Any, what: str = "weights") -> None:
    """Weights are exactly zero wherever the boolean mask forbids attending."""
    if not is_tensor(weights):
        raise Fail(f"{what}: expected a tensor, got {describe(weights)}")
    torch = _torch()
    assert torch is not None
    try:
        allowed = torch.broadcast_to(allowed, weights.shape)
    except RuntimeError:
        raise Fail(f"{what}: shape {fmt_shape(weights.shape)} does not match the mask") from None
    leak = (~allowed) & (weights.double().abs() > 0)
    if bool(leak.any()):
        idx = tuple(int(i) for i in leak.nonzero()[0])
        raise Fail(
            f"a masked position received weight: {what}{list(idx)} = {fmt_num(weights[idx].item())} "
            f"where the mask is False ({int(leak.sum())} masked positions non-zero)"
        )
