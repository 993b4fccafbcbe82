"""What a problem's hidden ``tests.py`` may import.

A hidden test is one function decorated with :func:`test`. Its body is the *drive* part: it
receives the solution's entry point, builds seeded inputs, calls it and returns plain outputs
(tensors, numbers, strings, lists, dicts). The judge runs the drive part twice, in separate
processes: once on the user's code and once on the reference solution. The *check* part then
compares the two outputs on the trusted side, where no user code ever ran: by default
:func:`same` (tensors within ``atol``/``rtol``), or the ``check=`` function given to
:func:`test`, called as ``check(expected, got)`` and raising :class:`Fail` with a message.

Inputs must come from :class:`Rand` (its own generator), never from the global RNG: the
user's ``__init__`` may draw from the global RNG differently from the reference's.

Standard library only at import time; torch is imported when a tensor helper is used.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from mlkata.i18n import t
from mlkata.judge.compare import (
    ATOL,
    RTOL,
    Fail,
    close,
    describe,
    fmt_index,
    fmt_num,
    fmt_shape,
    is_tensor,
    require,
    same,
    short,
    sums_to_one,
    zero_where_masked,
)

__all__ = [
    "ATOL",
    "RTOL",
    "Fail",
    "Rand",
    "TestSpec",
    "WrongAnswer",
    "backward",
    "call",
    "close",
    "collect",
    "describe",
    "fmt_index",
    "fmt_num",
    "fmt_shape",
    "is_tensor",
    "raises",
    "require",
    "same",
    "set_param",
    "short",
    "sums_to_one",
    "test",
    "unpack",
    "zero_where_masked",
]

Check = Callable[[Any, Any], None]


class WrongAnswer(Exception):
    """Raised by a drive part when the solution's output cannot be used (wrong type, arity...)."""


class TestSpec:
    """How one hidden test is checked."""

    __slots__ = ("atol", "check", "name", "rtol")

    def __init__(self, name: str, check: Check | None, atol: float, rtol: float) -> None:
        self.name = name
        """Stable identifier: the drive function's name."""
        self.check = check
        """``check(expected, got)``; None means :func:`same` with the tolerances below."""
        self.atol = atol
        """Absolute tolerance for tensors and floats."""
        self.rtol = rtol
        """Relative tolerance for tensors and floats."""

    def run_check(self, expected: Any, got: Any) -> None:
        """Compare outputs; raises :class:`Fail` on a difference."""
        if self.check is None:
            same(expected, got, "", self.atol, self.rtol)
        else:
            self.check(expected, got)


def test(
    fn: Callable[..., Any] | None = None,
    *,
    check: Check | None = None,
    atol: float = ATOL,
    rtol: float = RTOL,
) -> Any:
    """Mark a drive function as a hidden test (``@test`` or ``@test(check=..., atol=...)``)."""

    def mark(f: Callable[..., Any]) -> Callable[..., Any]:
        f.__mlkata_test__ = TestSpec(f.__name__, check, atol, rtol)  # type: ignore[attr-defined]
        return f

    return mark(fn) if fn is not None else mark


def collect(namespace: dict[str, Any]) -> list[tuple[TestSpec, Callable[..., Any]]]:
    """The hidden tests defined in a tests module's namespace, in file order."""
    found = []
    for value in namespace.values():
        spec = getattr(value, "__mlkata_test__", None)
        if isinstance(spec, TestSpec):
            found.append((spec, value))
    return found


class Rand:
    """Seeded inputs from a private generator, independent of the global RNG."""

    def __init__(self, seed: int) -> None:
        import sys

        self.seed = seed
        self.py = random.Random(seed)
        """A :class:`random.Random` for pure-Python inputs."""
        torch = sys.modules.get("torch")
        self._gen = torch.Generator().manual_seed(seed) if torch is not None else None

    def _torch(self) -> Any:
        import torch

        if self._gen is None:
            self._gen = torch.Generator().manual_seed(self.seed)
        return torch

    def randn(self, *shape: int, scale: float = 1.0) -> Any:
        """Standard normal float32 tensor times ``scale``."""
        torch = self._torch()
        return torch.randn(*shape, generator=self._gen) * scale

    def rand(self, *shape: int, low: float = 0.0, high: float = 1.0) -> Any:
        """Uniform float32 tensor in ``[low, high)``."""
        torch = self._torch()
        return torch.rand(*shape, generator=self._gen) * (high - low) + low

    def randint(self, low: int, high: int, *shape: int) -> Any:
        """Integer tensor in ``[low, high)``."""
        torch = self._torch()
        return torch.randint(low, high, shape, generator=self._gen)

    def mask(self, *shape: int, p: float = 0.5) -> Any:
        """Boolean mask, True with probability ``p``; every row keeps at least one True."""
        torch = self._torch()
        m = torch.rand(*shape, generator=self._gen) < p
        if m.dim() >= 1 and m.shape[-1] > 0:
            first = torch.randint(0, m.shape[-1], m.shape[:-1], generator=self._gen)
            m.scatter_(-1, first.unsqueeze(-1), True)
        return m


def unpack(value: Any, n: int, what: str) -> tuple[Any, ...]:
    """The n items of a returned tuple, or :class:`WrongAnswer` naming what came back."""
    if not isinstance(value, (tuple, list)) or len(value) != n:
        raise WrongAnswer(t("api.tupleOf", what=what, n=n, got=describe(value)))
    return tuple(value)


def tensor(value: Any, what: str) -> Any:
    """The value if it is a tensor, else :class:`WrongAnswer`."""
    if not is_tensor(value):
        raise WrongAnswer(t("api.notTensor", what=what, got=describe(value)))
    return value


def backward(output: Any, seed: int, what: str = "the output") -> None:
    """Backpropagate a seeded random upstream gradient through a tensor output."""
    import torch

    tensor(output, what)
    if not output.requires_grad:
        raise WrongAnswer(t("api.noGrad", what=what))
    g = torch.Generator().manual_seed(seed)
    upstream = torch.randn(output.shape, generator=g, dtype=output.dtype)
    (output * upstream).sum().backward()


def set_param(module: Any, name: str, value: Any) -> None:
    """Copy value into the module's parameter ``name`` (e.g. ``"q_proj.weight"``)."""
    import torch

    try:
        param = module.get_parameter(name)
    except (AttributeError, TypeError):
        raise WrongAnswer(t("api.noParameter", name=repr(name))) from None
    if tuple(param.shape) != tuple(value.shape):
        raise WrongAnswer(t("api.paramShape", name=name, shape=fmt_shape(param.shape), expected=fmt_shape(value.shape)))
    with torch.no_grad():
        param.copy_(value)


def call(fn: Callable[..., Any], *args: Any, name: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """Call fn on deep copies of the arguments; the result records the call as code."""
    shown = [_arg_text(a) for a in args] + [f"{k}={_arg_text(v)}" for k, v in kwargs.items()]
    text = f"{name or getattr(fn, '__name__', 'solution')}({', '.join(shown)})"
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    try:
        returned = fn(*args, **kwargs)
    except Exception as exc:
        exc.add_note(f"in the call {text}")
        raise
    return {"call": text, "returned": returned}


def _arg_text(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) > 30:
        return f"<{type(value).__name__} of {len(value)} of {type(value[0]).__name__}>"  # never short
    text = repr(value)
    if len(text) <= 60:
        return text
    if isinstance(value, (list, tuple)):
        inner = f" of {type(value[0]).__name__}" if value else ""
        return f"<{type(value).__name__} of {len(value)}{inner}>"
    if isinstance(value, str):
        return f"<str of {len(value)} chars: {value[:20]!r}...>"
    return text[:57] + "..."


def raises(expected: type[BaseException], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    """What calling fn does: ``"raised ValueError"``, ``"returned normally"`` or another error."""
    try:
        fn(*args, **kwargs)
    except expected:
        return f"raised {expected.__name__}"
    except Exception as exc:
        return f"raised {type(exc).__name__}: {short(str(exc), 60)}"
    return "returned normally"
