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

from mlkata.i18n import t
from mlkata.judge.readable import with_values
from mlkata.judge.wire import Opaque, type_name

ATOL = 1e-5
RTOL = 1e-4


class Fail(AssertionError):
    """A check found a difference; the message is shown to the user as is.

    ``details`` are further lines about the failing case (expected and got at the first
    mismatch, the largest errors), shown as the diagnostic's related information. ``expected`` and
    ``actual`` are the compared values' readable forms (:mod:`mlkata.judge.readable`), for an
    expected/actual diff; :func:`same` and :func:`close` fill them in when a check gave none.
    """

    def __init__(
        self, message: str, details: list[str] | None = None, expected: str | None = None, actual: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])
        self.expected = expected
        self.actual = actual


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


def _on(what: str, message: str) -> str:
    """A message about one value: ``what: message``."""
    return t("cmp.labelled", what=what, message=message)


def require(condition: object, message: str) -> None:
    """Fail with message unless condition holds."""
    if not condition:
        raise Fail(message)


def same(expected: Any, got: Any, what: str = "", atol: float = ATOL, rtol: float = RTOL) -> None:
    """Structural comparison: tensors and floats within tolerance, everything else exactly."""
    try:
        _same(expected, got, what, atol, rtol)
    except Fail as fail:
        with_values(fail, expected, got, describe)
        raise


def _same(expected: Any, got: Any, what: str, atol: float, rtol: float) -> None:
    label = what or "result"
    if isinstance(expected, dict) and set(expected) == {"call", "returned"}:
        _same_call(expected, got, atol, rtol)
        return
    if is_tensor(expected):
        close(got, expected, label, atol=atol, rtol=rtol)
        return
    if isinstance(expected, bool) or expected is None or isinstance(expected, (str, Opaque)):
        if type(got) is not type(expected) or got != expected:
            raise _unequal(label, expected, got)
        return
    if isinstance(expected, int):
        if isinstance(got, bool) or not isinstance(got, int):
            message = t("cmp.expectedInt", expected=expected, got=describe(got))
            raise Fail(_on(label, message), _expected_got(label, expected, got))
        if got != expected:
            raise Fail(_on(label, t("cmp.expectedGot", expected=expected, got=got)), _expected_got(label, expected, got))
        return
    if isinstance(expected, float):
        close(got, expected, label, atol=atol, rtol=rtol)
        return
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            raise Fail(_on(label, t("cmp.expectedSequence", kind=type(expected).__name__, n=len(expected), got=describe(got))))
        if len(got) != len(expected):
            raise Fail(_on(label, t("cmp.expectedItems", n=len(expected), got=len(got))), _expected_got(label, expected, got))
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            same(e, g, _join(what, i) if what else f"result[{i}]", atol, rtol)
        return
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            raise Fail(_on(label, t("cmp.expectedDict", got=describe(got))))
        missing = [k for k in expected if k not in got]
        if missing:
            raise Fail(_on(label, t("cmp.missingKey", key=repr(missing[0]))))
        extra = [k for k in got if k not in expected]
        if extra:
            raise Fail(_on(label, t("cmp.unexpectedKey", key=repr(extra[0]))))
        for key, e in expected.items():
            same(e, got[key], _join(what, key), atol, rtol)
        return
    if isinstance(expected, (set, frozenset)):
        if not isinstance(got, (set, frozenset)) or got != expected:
            raise _unequal(label, expected, got)
        return
    raise Fail(_on(label, t("cmp.cannotCompare", value=describe(expected))))


def _unequal(label: str, expected: Any, got: Any) -> Fail:
    """Two values compared exactly differ."""
    return Fail(_on(label, t("cmp.expectedGot", expected=short(expected), got=_got(got))), _expected_got(label, expected, got))


def _got(got: Any) -> str:
    return short(got) if isinstance(got, (str, int, float, type(None))) else describe(got)


def _shown(value: Any) -> str:
    if isinstance(value, (str, int, float, bool, type(None), list, tuple, dict, set, frozenset)):
        return short(value, 200)
    return describe(value)


def _expected_got(label: str, expected: Any, got: Any) -> list[str]:
    return [t("cmp.detailExpected", what=label, value=_shown(expected)), t("cmp.detailGot", what=label, value=_shown(got))]


def _same_call(expected: dict[str, Any], got: Any, atol: float, rtol: float) -> None:
    call = expected["call"]
    returned = got.get("returned") if isinstance(got, dict) else got
    try:
        same(expected["returned"], returned, "returned", atol, rtol)
    except Fail as fail:
        details = [t("cmp.callLine", call=call), t("cmp.expectedLine", value=_shown(expected["returned"]))]
        details.append(t("cmp.gotLine", value=_shown(returned)))
        # The lines above say it already, about the whole call.
        own = (t("cmp.detailExpected", what="returned", value=""), t("cmp.detailGot", what="returned", value=""))
        details += [d for d in fail.details if not d.startswith(own)]
        detail = fail.message.removeprefix(_on("returned", ""))
        if detail.startswith(t("cmp.expectedWord")):
            raise Fail(_on(call, detail), details) from None
        raise Fail(t("cmp.callWrong", call=call, message=fail.message), details) from None


def close(got: Any, expected: Any, what: str, atol: float = ATOL, rtol: float = RTOL) -> None:
    """Values (tensors or numbers) equal within ``atol + rtol * |expected|``."""
    try:
        _close(got, expected, what, atol, rtol)
    except Fail as fail:
        with_values(fail, expected, got, describe)
        raise


def _close(got: Any, expected: Any, what: str, atol: float, rtol: float) -> None:
    if is_tensor(expected):
        _close_tensor(got, expected, what, atol, rtol)
        return
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        if is_tensor(got) and got.numel() == 1:  # type: ignore[union-attr]
            raise Fail(_on(what, t("cmp.pythonNumber", got=describe(got))))
        raise Fail(_on(what, t("cmp.expectedNumber", expected=fmt_num(expected), got=describe(got))))
    if math.isnan(expected) and math.isnan(got):
        return
    if math.isinf(expected) or math.isinf(got):
        if got == expected:
            return
    elif abs(got - expected) <= atol + rtol * abs(expected):
        return
    details = [_on(what, t("cmp.expectedGot", expected=fmt_num(expected), got=fmt_num(got)))]
    if math.isfinite(got - expected):
        details.append(t("cmp.absRel", abs=fmt_num(abs(got - expected)), rel=_rel(abs(got - expected), abs(expected))))
    raise Fail(_off(what, expected, got, atol, rtol), details)


def _off(what: str, expected: float, got: float, atol: float, rtol: float) -> str:
    """One number outside the tolerance."""
    return _on(what, t("cmp.scalarOff", expected=fmt_num(expected), got=fmt_num(got), atol=f"{atol:g}", rtol=f"{rtol:g}"))


def _rel(err: float, scale: float) -> str:
    return fmt_num(err / scale) if scale > 0 else "inf"


def _close_tensor(got: Any, expected: Any, what: str, atol: float, rtol: float) -> None:
    torch = _torch()
    assert torch is not None
    if not is_tensor(got):
        raise Fail(_on(what, t("cmp.expectedGot", expected=describe(expected), got=describe(got))))
    if tuple(got.shape) != tuple(expected.shape):
        raise Fail(_on(what, t("cmp.shape", expected=fmt_shape(expected.shape), got=fmt_shape(got.shape))))
    if got.dtype != expected.dtype:
        e, g = (str(x).replace("torch.", "") for x in (expected.dtype, got.dtype))
        raise Fail(_on(what, t("cmp.dtype", expected=e, got=g)))
    if expected.dtype == torch.bool or (not expected.is_floating_point() and not expected.is_complex()):
        diff = got != expected
        if bool(diff.any()):
            idx = tuple(int(i) for i in diff.nonzero()[0])
            shown = {"index": fmt_index(idx), "expected": expected[idx].item(), "got": got[idx].item()}
            raise Fail(_on(what, t("cmp.valuesDiffer", count=int(diff.sum()), total=expected.numel(), **shown)))
        return
    e64, g64 = expected.double(), got.double()
    e_nan, g_nan = torch.isnan(e64), torch.isnan(g64)
    bad_nan = g_nan & ~e_nan
    if bool(bad_nan.any()):
        idx = tuple(int(i) for i in bad_nan.nonzero()[0])
        nan = t("cmp.gotNan", index=fmt_index(idx), count=int(bad_nan.sum()), expected=fmt_num(e64[idx].item()))
        raise Fail(_on(what, nan))
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
    where = t("cmp.at", index=fmt_index(idx)) if idx else ""
    details = _tensor_details(what, expected, got, e64, g64, err, bad)
    if expected.dim() == 0:
        raise Fail(_off(what, e_val, g_val, atol, rtol), details)
    max_err = float(err.max())
    error = fmt_num(max(max_err, abs(g_val - e_val)) if math.isfinite(g_val - e_val) else math.inf)
    shown = {"expected": fmt_num(e_val), "got": fmt_num(g_val), "atol": f"{atol:g}", "rtol": f"{rtol:g}"}
    raise Fail(_on(what, t("cmp.maxError", error=error, at=where, count=count, total=expected.numel(), **shown)), details)


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
    at = t("cmp.at", index=fmt_index(first)) if first else ""
    first_mismatch = t("cmp.firstMismatch", at=at, expected=fmt_num(e64[first].item()), got=fmt_num(g64[first].item()))
    details = [_on(what, first_mismatch)]
    rel = err / e64.abs().clamp_min(1e-12)
    rel = torch.where(torch.isfinite(rel), rel, torch.zeros_like(rel))
    details.append(_on(what, t("cmp.maxErrors", abs=fmt_num(float(err.max())), rel=fmt_num(float(rel.max())))))
    if expected.numel() <= SMALL:
        details.append(t("cmp.detailExpected", what=what, value=values(expected)))
        details.append(t("cmp.detailGot", what=what, value=values(got)))
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
        raise Fail(_on(what, t("cmp.expectedTensor", got=describe(weights))))
    if weights.dim() == 0:
        raise Fail(_on(what, t("cmp.zeroDim")))
    sums = weights.double().sum(dim=-1)
    bad = ~((sums - 1.0).abs() <= atol) | torch_isnan(sums)
    if bool(bad.any()):
        idx = tuple(int(i) for i in bad.nonzero()[0])
        off = {"count": int(bad.sum()), "total": sums.numel()}
        raise Fail(t("cmp.notSumToOne", what=what, row=fmt_index(idx), sum=fmt_num(sums[idx].item()), **off))


def torch_isnan(x: Any) -> Any:
    """Elementwise NaN test (tensor in, tensor out)."""
    torch = _torch()
    assert torch is not None
    return torch.isnan(x)


def zero_where_masked(weights: Any, allowed: Any, what: str = "weights") -> None:
    """Weights are exactly zero wherever the boolean mask forbids attending."""
    if not is_tensor(weights):
        raise Fail(_on(what, t("cmp.expectedTensor", got=describe(weights))))
    torch = _torch()
    assert torch is not None
    try:
        allowed = torch.broadcast_to(allowed, weights.shape)
    except RuntimeError:
        raise Fail(_on(what, t("cmp.maskShape", shape=fmt_shape(weights.shape)))) from None
    leak = (~allowed) & (weights.double().abs() > 0)
    if bool(leak.any()):
        idx = tuple(int(i) for i in leak.nonzero()[0])
        value = fmt_num(weights[idx].item())
        raise Fail(t("cmp.maskLeak", what=what, index=list(idx), value=value, count=int(leak.sum())))
