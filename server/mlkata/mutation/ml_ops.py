"""The ML mistakes as mutation operators: scale factors, axes, reductions, variance, gradients, in-place
updates, masks and transposes. Each is a pure function from a :class:`Code` to the edits it makes."""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator

from mlkata.mutation.source import Code, Edit, short

MODULES = {"torch", "F", "nn", "functional", "math", "np", "numpy", "copy"}
"""Names a call's receiver may be that make it a function (``torch.softmax(x, -1)``), not a method."""
DIM_CALLS = {
    "softmax", "log_softmax", "sum", "mean", "var", "std", "max", "min", "amax", "amin", "argmax", "argmin",
    "logsumexp", "cumsum", "cumprod", "size", "unsqueeze", "squeeze", "gather", "index_select", "all", "any",
    "prod", "median", "nansum", "nanmean", "cat", "stack", "concat", "norm", "var_mean", "std_mean", "count_nonzero",
}  # fmt: skip
"""Calls whose first argument after the tensor is a dimension (``x.sum(-1)``, ``torch.cat(xs, 0)``)."""
DIM_KEYWORDS = {"dim", "axis", "start_dim", "end_dim"}
REDUCTIONS = {"sum": "mean", "mean": "sum", "nansum": "nanmean", "nanmean": "nansum"}
VARIANCES = {"var", "std", "var_mean", "std_mean"}
SQRTS = {"sqrt"}
NO_GRAD = {"no_grad", "inference_mode"}
INPLACE = {
    "add", "sub", "mul", "div", "masked_fill", "clamp", "clamp_min", "clamp_max", "exp", "log", "neg", "abs",
    "sqrt", "pow", "sigmoid", "tanh", "relu", "tril", "triu", "addcmul", "addcdiv", "lerp", "scatter",
    "index_fill", "transpose", "unsqueeze", "squeeze", "t", "fill", "reciprocal", "square",
}  # fmt: skip
"""Tensor methods with an in-place twin (``add`` -> ``add_``)."""
COPIES = {"clone", "copy"}
MASKED = {"masked_fill", "masked_fill_", "masked_scatter"}
TRANSPOSES = {"transpose", "swapaxes", "swapdims", "t"}
TRANSPOSED = {"T", "mT", "H", "mH"}
MATMULS = {"matmul", "bmm"}
SEQUENCES = (ast.List, ast.Tuple, ast.JoinedStr, ast.ListComp)
"""``[0] * n`` repeats a list: no scale to drop."""


def name_of(call: ast.Call) -> str | None:
    """The called name: ``softmax`` for ``torch.softmax(...)``, ``x.softmax(...)`` and ``softmax(...)``."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def receiver(call: ast.Call) -> ast.expr | None:
    """The tensor a method is called on (None for a module's function or a plain name)."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    root: ast.expr = func.value
    while isinstance(root, ast.Attribute):
        root = root.value
    if isinstance(root, ast.Name) and root.id in MODULES:
        return None
    return func.value


def int_of(node: ast.AST | None) -> int | None:
    """The value of an integer literal (``-1`` too), else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = int_of(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def renamed(call: ast.Call, attr: str) -> ast.Call:
    """The call with its method or module function renamed."""
    new = copy.deepcopy(call)
    assert isinstance(new.func, ast.Attribute)
    new.func.attr = attr
    return new


def _other_dims(d: int) -> list[int]:
    """Neighbouring dimensions: -1 -> -2; 0 -> 1; 1 -> 2, 0; never across the sign."""
    return [d - 1, *([d + 1] if d + 1 < 0 else [])] if d < 0 else [d + 1, *([d - 1] if d > 0 else [])]


def _dim_slots(call: ast.Call) -> Iterator[tuple[ast.expr, str, str]]:
    """(value, call name, how the value is written) of each literal dimension a call takes."""
    name = name_of(call) or "call"
    for kw in call.keywords:
        if kw.arg in DIM_KEYWORDS:
            values = kw.value.elts if isinstance(kw.value, ast.Tuple | ast.List) else [kw.value]
            yield from ((v, name, f"{kw.arg}=") for v in values)
    index = 0 if receiver(call) is not None else 1
    if name in DIM_CALLS and isinstance(call.func, ast.Attribute) and len(call.args) > index:
        yield call.args[index], name, "dim "


def dim(code: Code) -> Iterator[Edit]:
    """A reduction axis, softmax dim or shape index moved to a neighbour (``dim=-1`` -> ``dim=-2``)."""
    for call in code.nodes(ast.Call):
        for slot, name, tag in _dim_slots(call):
            d = int_of(slot)
            for other in _other_dims(d) if d is not None else []:
                yield code.replace("dim", slot, ast.Constant(other), f"{name} {tag}{d} -> {tag}{other}")
    for sub in code.nodes(ast.Subscript):
        d = int_of(sub.slice)
        if d is not None and isinstance(sub.value, ast.Attribute) and sub.value.attr == "shape":
            for other in _other_dims(d):
                yield code.replace("dim", sub.slice, ast.Constant(other), f"{short(sub)} -> {short(sub.value)}[{other}]")


def scale(code: Code) -> Iterator[Edit]:
    """A scale factor dropped (``a / sqrt(d)`` -> ``a``, ``beta * x`` -> ``x``) or its square root dropped."""
    for node in code.nodes(ast.BinOp):
        if isinstance(node.op, ast.Div):
            yield code.replace("scale", node, node.left, f"scale: `/ {short(node.right)}` dropped")
        elif isinstance(node.op, ast.Mult) and not any(isinstance(s, SEQUENCES) for s in (node.left, node.right)):
            sides = [node.left, node.right]
            constants = [s for s in sides if isinstance(s, ast.Constant)]
            for dropped in constants or sides:
                kept = node.right if dropped is node.left else node.left
                yield code.replace("scale", node, kept, f"scale: factor `{short(dropped)}` dropped")
        elif isinstance(node.op, ast.Pow) and isinstance(node.right, ast.Constant) and node.right.value == 0.5:
            yield code.replace("scale", node, node.left, f"scale: `{short(node)}` -> `{short(node.left)}` (no square root)")
    for call in code.nodes(ast.Call):
        if name_of(call) in SQRTS:
            inner = receiver(call) if not call.args else call.args[0]
            if inner is not None and len(call.args) <= 1:
                yield code.replace("scale", call, inner, f"scale: `{short(call)}` -> `{short(inner)}` (no square root)")


def reduction(code: Code) -> Iterator[Edit]:
    """``sum`` <-> ``mean``: a method or function, or a ``reduction="mean"`` argument."""
    for call in code.nodes(ast.Call):
        name = name_of(call)
        if isinstance(call.func, ast.Attribute) and name in REDUCTIONS:
            yield code.replace("reduction", call, renamed(call, REDUCTIONS[name]), f"reduction: .{name}( -> .{REDUCTIONS[name]}(")
        for kw in call.keywords:
            value = kw.value.value if isinstance(kw.value, ast.Constant) else None
            if kw.arg == "reduction" and value in ("sum", "mean"):
                other = "mean" if value == "sum" else "sum"
                yield code.replace("reduction", kw.value, ast.Constant(other), f'reduction: "{value}" -> "{other}"')


def variance(code: Code) -> Iterator[Edit]:
    """Biased <-> unbiased variance: flip ``unbiased=``/``correction=``, or ask for the biased one."""
    for call in code.nodes(ast.Call):
        if name_of(call) not in VARIANCES:
            continue
        flags = [kw for kw in call.keywords if kw.arg in ("unbiased", "correction")]
        for kw in flags:
            value = kw.value.value if isinstance(kw.value, ast.Constant) else None
            if isinstance(value, bool) or value in (0, 1):
                other = (not value) if isinstance(value, bool) else 1 - int(value)  # type: ignore[arg-type]
                yield code.replace("variance", kw.value, ast.Constant(other), f"variance: {kw.arg}={value} -> {other}")
        if not flags:
            new = copy.deepcopy(call)
            new.keywords.append(ast.keyword("correction", ast.Constant(0)))
            yield code.replace("variance", call, new, f"variance: `{short(call)}` made biased (correction=0)")


def detach(code: Code) -> Iterator[Edit]:
    """Gradients let through: ``x.detach()`` -> ``x``, ``torch.no_grad()`` -> ``torch.enable_grad()``."""
    for call in code.nodes(ast.Call):
        base = receiver(call)
        if name_of(call) in ("detach", "detach_") and base is not None and not call.args:
            yield code.replace("detach", call, base, f"detach: `{short(call)}` -> `{short(base)}`")
    enable = ast.parse("torch.enable_grad()", mode="eval").body
    contexts = [item.context_expr for w in code.nodes(ast.With) for item in w.items]
    decorators = [d for f in ast.walk(code.tree) if isinstance(f, ast.FunctionDef) for d in f.decorator_list]
    for node in sorted(contexts + decorators, key=lambda n: (n.lineno, n.col_offset)):
        target = node.func if isinstance(node, ast.Call) else node
        if isinstance(target, ast.Attribute) and target.attr in NO_GRAD:
            yield code.replace("detach", node, enable, f"detach: `{short(node)}` -> `torch.enable_grad()`")


def inplace(code: Code) -> Iterator[Edit]:
    """An input changed in place: ``x.add(y)`` -> ``x.add_(y)``, ``x = x - m`` -> ``x -= m``, a copy dropped."""
    for call in code.nodes(ast.Call):
        base, name = receiver(call), name_of(call)
        if isinstance(base, ast.Name) and base.id in code.params(call) and name in INPLACE:
            new = renamed(call, f"{name}_")
            yield code.replace("inplace", call, new, f"in-place on input `{base.id}`: .{name}( -> .{name}_(")
        inner = base if name in COPIES and not call.args else None
        if name in ("copy", "deepcopy") and base is None and len(call.args) == 1:
            inner = call.args[0]
        if inner is not None:
            yield code.replace("inplace", call, inner, f"copy dropped: `{short(call)}` -> `{short(inner)}`")
    for node in code.nodes(ast.Assign):
        target, value = node.targets[-1], node.value
        if len(node.targets) != 1 or not isinstance(target, ast.Name) or not isinstance(value, ast.BinOp):
            continue
        if ast.unparse(value.left) == target.id and target.id in code.params(node):
            text = ast.unparse(ast.AugAssign(ast.Name(target.id, ast.Store()), value.op, value.right))
            yield code.replace_text("inplace", node, text, f"in-place on input: `{short(node)}` -> `{text}`")


def mask(code: Code) -> Iterator[Edit]:
    """A mask dropped or inverted: ``masked_fill``, ``torch.where``, ``~m``, ``mask=`` arguments, ``triu`` <-> ``tril``."""
    for call in code.nodes(ast.Call):
        name, base = name_of(call), receiver(call)
        if name in MASKED and base is not None and call.args:
            yield code.replace("mask", call, base, f"mask dropped: `{short(call)}` -> `{short(base)}`")
            m = call.args[0]
            flipped = m.operand if isinstance(m, ast.UnaryOp) and isinstance(m.op, ast.Invert) else ast.UnaryOp(ast.Invert(), m)
            yield code.replace("mask", m, flipped, f"mask inverted: `{short(m)}` -> `{short(flipped)}`")
        elif name == "where" and base is None and len(call.args) == 3:
            new = copy.deepcopy(call)
            new.args[1], new.args[2] = new.args[2], new.args[1]
            yield code.replace("mask", call, new, f"mask inverted: where's branches swapped in `{short(call)}`")
            yield code.replace("mask", call, call.args[1], f"mask dropped: `{short(call)}` -> `{short(call.args[1])}`")
        elif name in ("triu", "tril"):
            other = "tril" if name == "triu" else "triu"
            yield code.replace("mask", call, renamed(call, other), f"mask: {name} -> {other}")
        for kw in call.keywords:
            if kw.arg and "mask" in kw.arg and not (isinstance(kw.value, ast.Constant) and kw.value.value is None):
                yield code.replace("mask", kw.value, ast.Constant(None), f"mask dropped: {kw.arg}={short(kw.value)} -> None")
    for node in code.nodes(ast.UnaryOp):
        if isinstance(node.op, ast.Invert) and not _masked_fill_arg(code, node):
            yield code.replace("mask", node, node.operand, f"mask inverted: `{short(node)}` -> `{short(node.operand)}`")


def _masked_fill_arg(code: Code, node: ast.AST) -> bool:
    parent = code.parent.get(node)
    return isinstance(parent, ast.Call) and name_of(parent) in MASKED and bool(parent.args) and parent.args[0] is node


def transpose(code: Code) -> Iterator[Edit]:
    """Transpose <-> no transpose: ``k.transpose(-2, -1)`` and ``w.T`` dropped; a matmul's right operand transposed."""
    for call in code.nodes(ast.Call):
        name, base = name_of(call), receiver(call)
        inner = base if base is not None else (call.args[0] if call.args else None)
        if name in TRANSPOSES and inner is not None and isinstance(call.func, ast.Attribute):
            yield code.replace("transpose", call, inner, f"transpose dropped: `{short(call)}` -> `{short(inner)}`")
        elif name in MATMULS and base is None and len(call.args) == 2 and not _transposed(call.args[1]):
            right = call.args[1]
            yield code.replace("transpose", right, _t(right), f"transpose added: `{short(right)}` transposed")
    for attr in code.nodes(ast.Attribute):
        if attr.attr in TRANSPOSED:
            yield code.replace("transpose", attr, attr.value, f"transpose dropped: `{short(attr)}` -> `{short(attr.value)}`")
    for node in code.nodes(ast.BinOp):
        if isinstance(node.op, ast.MatMult) and not _transposed(node.right):
            yield code.replace("transpose", node.right, _t(node.right), f"transpose added: `{short(node.right)}` transposed")


def _transposed(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in TRANSPOSED
    return isinstance(node, ast.Call) and name_of(node) in TRANSPOSES


def _t(node: ast.expr) -> ast.expr:
    return ast.Call(ast.Attribute(node, "transpose", ast.Load()), [ast.Constant(-2), ast.Constant(-1)], [])


OPERATORS = (scale, dim, reduction, variance, detach, inplace, mask, transpose)
