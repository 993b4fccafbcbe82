"""Data format for outputs crossing from the judged process to the judge.

Only plain data crosses: ``None``, bools, numbers, strings, lists, tuples, dicts, sets and
tensors (as dtype + shape + raw bytes). Anything else is sent as an opaque description
(type name and a truncated ``repr``), so no object made by the judged code is ever rebuilt
on the trusted side. The decoder never unpickles and never calls user code.

This module is loaded inside the judged process as well, so it imports only the standard
library; torch is imported lazily, only when a tensor is met.
"""

from __future__ import annotations

import base64
import math
import sys
from typing import Any

MAX_DEPTH = 32
MAX_ITEMS = 2_000_000
REPR_CHARS = 300

# Only these dtypes are rebuilt; anything else is sent as an opaque value.
DTYPES = (
    "float32",
    "float64",
    "float16",
    "bfloat16",
    "int64",
    "int32",
    "int16",
    "int8",
    "uint8",
    "bool",
    "complex64",
    "complex128",
)


class WireError(ValueError):
    """Raised when data cannot be encoded or decoded."""


class Opaque:
    """Stand-in for an object the wire format does not carry (e.g. a numpy array)."""

    __slots__ = ("text", "type_name")

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name = type_name
        self.text = text

    def __repr__(self) -> str:
        return f"<{self.type_name}: {self.text}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opaque) and (other.type_name, other.text) == (
            self.type_name,
            self.text,
        )

    def __hash__(self) -> int:
        return hash((self.type_name, self.text))


def type_name(obj: object) -> str:
    """Qualified name of an object's type, as people read it."""
    cls = type(obj)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", cls.__name__)
    if module in ("builtins", ""):
        return str(name)
    return f"{module}.{name}"


def _safe_repr(obj: object) -> str:
    try:
        text = repr(obj)
    except BaseException as exc:  # a user's __repr__ may raise anything
        text = f"<repr failed: {type(exc).__name__}>"
    if not isinstance(text, str):
        text = "<repr returned a non-string>"
    if len(text) > REPR_CHARS:
        text = text[: REPR_CHARS - 3] + "..."
    return text


class _Encoder:
    def __init__(self) -> None:
        self.items = 0

    def encode(self, obj: Any, depth: int = 0) -> Any:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise WireError(f"output has more than {MAX_ITEMS} items")
        if depth > MAX_DEPTH:
            raise WireError(f"output is nested deeper than {MAX_DEPTH} levels")
        cls = type(obj)
        if obj is None or cls is bool or cls is str:
            return obj
        if cls is int:
            return obj if abs(obj) < 2**53 else {"$int": str(obj)}
        if cls is float:
            return obj if math.isfinite(obj) else {"$float": repr(obj)}
        if cls is list:
            return [self.encode(x, depth + 1) for x in obj]
        if cls is tuple:
            return {"$tuple": [self.encode(x, depth + 1) for x in obj]}
        if cls is dict:
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in obj.items()]}
        if cls is set or cls is frozenset:
            return {"$set": [self.encode(x, depth + 1) for x in obj]}
        torch = sys.modules.get("torch")
        if torch is not None:
            if isinstance(obj, torch.Tensor):
                return self.tensor(torch, obj)
            if cls is torch.Size:
                return {"$tuple": [int(x) for x in obj]}
            if cls is torch.dtype:
                return {"$dtype": str(obj).replace("torch.", "")}
        return {"$opaque": [type_name(obj), _safe_repr(obj)]}

    def tensor(self, torch: Any, t: Any) -> Any:
        import ctypes

        base = torch.Tensor
        t = base.detach(t)
        if type(t) is not base:
            t = base.as_subclass(t, base)
        if t.layout != torch.strided or t.device.type not in ("cpu",):
            if t.device.type == "meta" or t.layout != torch.strided:
                return {"$opaque": [f"torch.Tensor ({t.layout}, {t.device})", ""]}
            t = t.cpu()
        dtype = str(t.dtype).replace("torch.", "")
        if dtype not in DTYPES:
            return {"$opaque": [f"torch.Tensor ({dtype})", ""]}
        t = t.contiguous()
        self.items += t.numel()
        if self.items > MAX_ITEMS:
            raise WireError(f"output has more than {MAX_ITEMS} items")
        size = t.numel() * t.element_size()
        raw = ctypes.string_at(t.data_ptr(), size) if size else b""
        return {
            "$tensor": {
                "dtype": dtype,
                "shape": [int(s) for s in t.shape],
                "data": base64.b64encode(raw).decode("ascii"),
            }
        }


def encode(obj: Any) -> Any:
    """Turn an output into JSON-ready data (tensors become dtype, shape and bytes)."""
    return _Encoder().encode(obj)


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild plain Python values and plain tensors from :func:`encode`'s data."""
    if depth > MAX_DEPTH + 2:
        raise WireError("data nested too deep")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(x, depth + 1) for x in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise WireError(f"unexpected item {str(data)[:60]!r}")
    ((tag, body),) = data.items()
    if tag == "$tuple":
        return tuple(decode(x, depth + 1) for x in body)
    if tag == "$dict":
        out = {}
        for pair in body:
            key = decode(pair[0], depth + 1)
            try:
                hash(key)
            except TypeError:
                key = repr(key)
            out[key] = decode(pair[1], depth + 1)
        return out
    if tag == "$set":
        items = [decode(x, depth + 1) for x in body]
        try:
            return set(items)
        except TypeError:
            return Opaque("set", repr(items))
    if tag == "$int":
        return int(body)
    if tag == "$float":
        return float(body)
    if tag == "$opaque":
        return Opaque(str(body[0]), str(body[1]))
    if tag == "$dtype":
        return Opaque("torch.dtype", f"torch.{body}")
    if tag == "$tensor":
        return _decode_tensor(body)
    raise WireError(f"unknown tag {tag!r}")


def _decode_tensor(body: dict[str, Any]) -> Any:
    import torch

    dtype_name = body["dtype"]
    if dtype_name not in DTYPES:
        raise WireError(f"unsupported dtype {dtype_name!r}")
    dtype = getattr(torch, dtype_name)
    shape = [int(s) for s in body["shape"]]
    if any(s < 0 for s in shape):
        raise WireError(f"bad shape {shape}")
    raw = base64.b64decode(body["data"])
    numel = math.prod(shape)
    itemsize = torch.empty((), dtype=dtype).element_size()
    if len(raw) != numel * itemsize:
        raise WireError(f"tensor data has {len(raw)} bytes, shape {shape} needs {numel * itemsize}")
    if numel == 0:
        return torch.empty(shape, dtype=dtype)
    return torch.frombuffer(bytearray(raw), dtype=dtype).reshape(shape).clone()
