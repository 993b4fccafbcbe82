"""A forbidden torch API is refused under every alias of the same callable, in real bank problems.

layer-norm forbids ``torch.layer_norm``, ``torch.nn.functional.layer_norm`` and
``torch.native_layer_norm``; scaled-dot-product-attention forbids
``torch.nn.functional.scaled_dot_product_attention``. The spellings through ``torch._C`` and
``torch.ops.aten`` are found by the static scan; the same calls reached through a built string
(which no static scan sees) are refused at run time, by what is called.
"""

from __future__ import annotations

import pytest

from mlkata.bank import Problem, load_problem
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Location, Verdict

from .conftest import ROOT, run

pytestmark = pytest.mark.usefixtures("no_leftovers")

LAYER_NORM = """\
import torch
import torch.nn as nn


class LayerNorm(nn.Module):
    def __init__(self, normalized_shape, eps=1e-5):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(self.normalized_shape))
        self.bias = nn.Parameter(torch.zeros(self.normalized_shape))

    def forward(self, x):
        return {call}
"""
"""A layer norm whose forward (line 16) makes the given call."""

ARGS = "x, list(self.normalized_shape), self.weight, self.bias, self.eps"
MANUAL = (
    "(x - x.mean(dim=tuple(range(-len(self.normalized_shape), 0)), keepdim=True)) / torch.sqrt("
    "x.var(dim=tuple(range(-len(self.normalized_shape), 0)), keepdim=True, unbiased=False) + self.eps)"
    " * self.weight + self.bias"
)

SDPA = """\
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = {call}
    return out, weights
"""
"""Attention whose output (line 11) comes from the given call."""


@pytest.fixture(scope="module")
def layer_norm() -> Problem:
    """The layer-norm problem from the bundled bank."""
    return load_problem(ROOT / "problems" / "layer-norm")


def forbidden(report) -> tuple[str, Location | None]:
    """The message and location of the report's first test, which must be refused."""
    first = report.tests[0]
    assert first.verdict is Verdict.FORBIDDEN_API, (first.verdict, first.message)
    return first.message, first.location


@pytest.mark.parametrize(
    ("call", "used"),
    [
        (f"torch._C._VariableFunctions.layer_norm({ARGS})", "torch._C._VariableFunctions.layer_norm"),
        (f"torch.ops.aten.layer_norm.default({ARGS})", "torch.ops.aten.layer_norm.default"),
        (f"torch.ops.aten.native_layer_norm({ARGS})[0]", "torch.ops.aten.native_layer_norm"),
    ],
    ids=["variable-functions", "aten-overload", "aten-native"],
)
def test_torch_c_and_aten_spellings_of_layer_norm_are_found_statically(
    layer_norm: Problem, options: Options, call: str, used: str
) -> None:
    message, location = forbidden(run(layer_norm, LAYER_NORM.format(call=call), options))
    assert message.startswith(f"uses {used}, which this problem forbids (torch.")
    assert location is not None and location.line == 16


@pytest.mark.parametrize(
    ("call", "called"),
    [
        (
            f'getattr(getattr(torch._C, "_Variable" + "Functions"), "layer_norm")({ARGS})',
            "torch.layer_norm (line 16)",
        ),
        (
            f'getattr(torch.ops.aten, "layer" + "_norm").default({ARGS})',
            "torch.ops.aten.layer_norm.default, which runs aten::layer_norm as torch.layer_norm does (line 16)",
        ),
        (
            f'getattr(torch.ops.aten, "native_layer" + "_norm")({ARGS})[0]',
            "torch.ops.aten.native_layer_norm, which runs aten::native_layer_norm as torch.native_layer_norm does (line 16)",
        ),
    ],
    ids=["variable-functions", "aten-overload", "aten-native"],
)
def test_layer_norm_reached_through_a_built_name_is_refused_at_run_time(
    layer_norm: Problem, options: Options, call: str, called: str
) -> None:
    message, location = forbidden(run(layer_norm, LAYER_NORM.format(call=call), options))
    assert message == f"called {called}, which this problem forbids: write it yourself"
    assert location is not None and location.line == 16


def test_a_layer_norm_written_with_allowed_ops_passes(layer_norm: Problem, options: Options) -> None:
    report = run(layer_norm, LAYER_NORM.format(call=MANUAL), options)
    assert report.verdict is Verdict.PASSED, [(t.name, t.message) for t in report.tests if not t.passed]


def test_scaled_dot_product_attention_through_torch_c_nn_is_found_statically(sdpa: Problem, options: Options) -> None:
    source = SDPA.format(call="torch._C._nn.scaled_dot_product_attention(q, k, v, attn_mask=mask)")
    message, location = forbidden(run(sdpa, source, options))
    assert message.startswith(
        "uses torch._C._nn.scaled_dot_product_attention, which this problem forbids "
        "(torch.nn.functional.scaled_dot_product_attention)"
    )
    assert location == Location(11, 11, 11, 52)


def test_scaled_dot_product_attention_through_a_built_name_is_refused_at_run_time(sdpa: Problem, options: Options) -> None:
    source = SDPA.format(call='getattr(torch._C._nn, "scaled_" + "dot_product_attention")(q, k, v, attn_mask=mask)')
    message, location = forbidden(run(sdpa, source, options))
    assert message == (
        "called torch._C._nn.scaled_dot_product_attention, which is torch.nn.functional.scaled_dot_product_attention"
        " (line 11), which this problem forbids: write it yourself"
    )
    assert location is not None and location.line == 11


def test_attention_written_with_softmax_and_matmul_passes(sdpa: Problem, options: Options) -> None:
    report = run(sdpa, SDPA.format(call="weights @ v"), options)
    assert report.verdict is Verdict.PASSED, [(t.name, t.message) for t in report.tests if not t.passed]
