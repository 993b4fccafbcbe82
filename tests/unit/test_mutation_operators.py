"""Every mutation operator: a tiny source in, exactly the mutated sources out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from mlkata.mutation import classic_ops, ml_ops
from mlkata.mutation.source import Code, Edit

Operator = Callable[[Code], Iterator[Edit]]


def mutated(operator: Operator, source: str) -> list[str]:
    """The whole mutated texts an operator makes of ``source``."""
    code = Code(source)
    return [code.mutant(edit, 0).source for edit in operator(code)]


def changed_lines(operator: Operator, source: str) -> set[str]:
    """For one-line changes: the mutated line of each mutant (stripped)."""
    out = set()
    for text in mutated(operator, source):
        diff = [new for old, new in zip(source.splitlines(), text.splitlines(), strict=True) if old != new]
        assert len(diff) == 1, text
        out.add(diff[0].strip())
    return out


def test_scale_drops_a_divisor_a_factor_or_a_square_root() -> None:
    assert changed_lines(ml_ops.scale, "s = q @ k / math.sqrt(d)\n") == {"s = q @ k", "s = q @ k / d"}
    assert changed_lines(ml_ops.scale, "y = beta * x * 2\n") == {"y = beta * x", "y = x * 2", "y = beta * 2"}
    assert changed_lines(ml_ops.scale, "y = v ** 0.5 + x.sqrt()\n") == {"y = v + x.sqrt()", "y = v ** 0.5 + x"}
    assert mutated(ml_ops.scale, "row = [0] * n\n") == []  # a repeated list has no scale


def test_dim_moves_an_axis_to_its_neighbour() -> None:
    source = "y = torch.softmax(x, dim=-1)\nz = x.sum(0)\nw = torch.cat([a, b], 1)\nn = x.shape[-1]\nm = x.max(3)\n"
    assert changed_lines(ml_ops.dim, source) == {
        "y = torch.softmax(x, dim=-2)",
        "z = x.sum(1)",
        "w = torch.cat([a, b], 2)",
        "w = torch.cat([a, b], 0)",
        "n = x.shape[-2]",
        "m = x.max(4)",
        "m = x.max(2)",
    }
    assert mutated(ml_ops.dim, "y = max(a, 0)\nz = x.sum(d)\n") == []  # the builtin max; a dim that is no literal


def test_dim_labels_say_what_moved() -> None:
    code = Code("w = torch.softmax(s, dim=-1)\n")
    assert [e.label for e in ml_ops.dim(code)] == ["softmax dim=-1 -> dim=-2"]


def test_reduction_swaps_sum_and_mean() -> None:
    source = 'a = x.sum(-1)\nb = torch.mean(x)\nc = F.cross_entropy(x, y, reduction="mean")\n'
    assert changed_lines(ml_ops.reduction, source) == {
        "a = x.mean(-1)",
        "b = torch.sum(x)",
        "c = F.cross_entropy(x, y, reduction='sum')",
    }


def test_variance_flips_biased_and_unbiased() -> None:
    source = "a = x.var(dim=0, unbiased=False)\nb = x.std(0)\nc = torch.var(x, correction=1)\n"
    assert changed_lines(ml_ops.variance, source) == {
        "a = x.var(dim=0, unbiased=True)",
        "b = x.std(0, correction=0)",
        "c = torch.var(x, correction=0)",
    }


def test_detach_lets_gradients_through() -> None:
    source = "@torch.no_grad()\ndef step(p):\n    with torch.no_grad():\n        y = p.detach()\n    return y\n"
    assert changed_lines(ml_ops.detach, source) == {
        "@torch.enable_grad()",
        "with torch.enable_grad():",
        "y = p",
    }


def test_inplace_changes_an_input_in_place() -> None:
    source = "def f(x, y):\n    x = x - y.mean()\n    z = x.add(1)\n    w = y.clone()\n    v = t.add(1)\n    return z, w\n"
    assert changed_lines(ml_ops.inplace, source) == {"x -= y.mean()", "z = x.add_(1)", "w = y"}


def test_mask_is_dropped_or_inverted() -> None:
    source = (
        "s = s.masked_fill(~m, 0)\nt = torch.where(keep, a, b)\nu = torch.triu(v, diagonal=1)\nr = f(x, attn_mask=m)\nq = ~k\n"
    )
    assert changed_lines(ml_ops.mask, source) == {
        "s = s",
        "s = s.masked_fill(m, 0)",
        "t = torch.where(keep, b, a)",
        "t = a",
        "u = torch.tril(v, diagonal=1)",
        "r = f(x, attn_mask=None)",
        "q = k",
    }
    assert changed_lines(ml_ops.mask, "s = s.masked_fill(m == 0, 0)\n") == {"s = s", "s = s.masked_fill(~(m == 0), 0)"}


def test_transpose_is_dropped_or_added() -> None:
    source = "a = q @ k.transpose(-2, -1)\nb = x @ w.T\nc = torch.matmul(p, v)\nd = p @ v\n"
    assert changed_lines(ml_ops.transpose, source) == {
        "a = q @ k",
        "b = x @ w",
        "c = torch.matmul(p, v.transpose(-2, -1))",
        "d = p @ v.transpose(-2, -1)",
    }


def test_off_by_one_moves_range_and_slice_bounds() -> None:
    source = "for i in range(1, n + 1):\n    s = a[i:j]\n"
    assert changed_lines(classic_ops.off_by_one, source) == {
        "for i in range(2, n + 1):",
        "for i in range(0, n + 1):",
        "for i in range(1, n + 2):",
        "for i in range(1, n):",
        "s = a[i + 1:j]",
        "s = a[i - 1:j]",
        "s = a[i:j + 1]",
        "s = a[i:j - 1]",
    }
    assert changed_lines(classic_ops.off_by_one, "for i in range(n):\n    pass\n") == {
        "for i in range(n + 1):",
        "for i in range(n - 1):",
        "for i in range(1, n):",
    }


def test_compare_flips_boundaries_and_identities() -> None:
    source = "if a < b and c is not None and d in e:\n    pass\n"
    assert changed_lines(classic_ops.compare, source) == {
        "if a <= b and c is not None and d in e:",
        "if a < b and c is None and d in e:",
        "if a < b and c is not None and d not in e:",
    }


def test_logic_swaps_and_or_and_drops_not() -> None:
    assert changed_lines(classic_ops.logic, "ok = a and not b\n") == {"ok = a or not b", "ok = a and b"}


def test_swap_args_swaps_neighbours_and_ordered_operands() -> None:
    source = "y = f(a, b, c)\nz = a - b\nw = max(a, b)\nv = i - 1\nu = x.transpose(1, 2)\n"
    assert changed_lines(classic_ops.swap_args, source) == {"y = f(b, a, c)", "y = f(a, c, b)", "z = b - a"}


def test_return_early_indents_the_return_into_the_loop() -> None:
    source = "def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n\n    return t\n"
    assert mutated(classic_ops.return_early, source) == [
        "def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n        return t\n"
    ]
    assert mutated(classic_ops.return_early, "def f(xs):\n    for x in xs: pass\n    return 1\n") == []


def test_break_continue_swaps() -> None:
    assert changed_lines(classic_ops.break_continue, "for x in xs:\n    if x:\n        break\n") == {"continue"}


def test_drop_statement_drops_calls_updates_and_guard_returns() -> None:
    source = "def f(p, xs):\n    if not xs:\n        return 0\n    p.mul_(2)\n    t = 1\n    t += 1\n    print(t)\n    return t\n"
    assert changed_lines(classic_ops.drop_statement, source) == {"pass"}
    assert len(mutated(classic_ops.drop_statement, source)) == 3  # return 0, p.mul_(2), t += 1; never print or the last return


def test_arith_swaps_operators_and_drops_a_sign() -> None:
    source = "y = a + b * c\ny -= 1\nz = -x\n"
    assert changed_lines(classic_ops.arith, source) == {"y = a - b * c", "y = a + b / c", "y += 1", "z = x"}


def test_arith_parenthesises_only_where_needed() -> None:
    assert changed_lines(classic_ops.arith, "y = a * b + c\n") == {"y = a / b + c", "y = a * b - c"}
    assert changed_lines(classic_ops.arith, "y = a - (b + c) ** 2\n") == {
        "y = a + (b + c) ** 2",
        "y = a - (b - c) ** 2",
        "y = a - (b + c) * 2",
    }
    assert changed_lines(classic_ops.off_by_one, "y = x[: n - 1]\n") == {"y = x[: n]", "y = x[: n - 2]"}
    assert changed_lines(classic_ops.arith, "y = x * (a + b)\n") == {"y = x / (a + b)", "y = x * (a - b)"}


def test_constant_moves_numbers_by_one_and_flips_booleans() -> None:
    assert changed_lines(classic_ops.constant, "x = f(2, -1, 0.5, True)\n") == {
        "x = f(3, -1, 0.5, True)",
        "x = f(1, -1, 0.5, True)",
        "x = f(2, 0, 0.5, True)",
        "x = f(2, -2, 0.5, True)",
        "x = f(2, -1, 1.5, True)",
        "x = f(2, -1, -0.5, True)",
        "x = f(2, -1, 0.5, False)",
    }


def test_operators_leave_docstrings_imports_raises_and_annotations_alone() -> None:
    source = (
        '"""Module 1."""\n'
        "import torch\n"
        "def f(x: int = 1) -> list[int]:\n"
        '    """Doc 2."""\n'
        "    if x < 0:\n"
        '        raise ValueError(f"bad {x + 1}")\n'
        "    return x\n"
    )
    assert changed_lines(classic_ops.constant, source) == {
        "def f(x: int = 2) -> list[int]:",
        "def f(x: int = 0) -> list[int]:",
        "if x < 1:",
        "if x < -1:",
    }
    assert changed_lines(classic_ops.arith, source) == set()
    assert changed_lines(classic_ops.compare, source) == {"if x <= 0:"}


def test_splicing_counts_characters_not_bytes() -> None:
    source = 's = "héllo wörld"; ok = a < b\n'
    assert mutated(classic_ops.compare, source) == ['s = "héllo wörld"; ok = a <= b\n']


@pytest.mark.parametrize("operator", [*ml_ops.OPERATORS, *classic_ops.OPERATORS])
def test_every_operator_keeps_the_rest_of_the_text(operator: Operator) -> None:
    source = "import torch\n\n\ndef f(x, m):  # keep me\n    return torch.softmax(x.masked_fill(~m, 0) / 2, dim=-1)\n"
    for text in mutated(operator, source):
        assert text.startswith("import torch\n\n\ndef f(x, m):  # keep me\n"), text
        compile(text, "<mutant>", "exec")
