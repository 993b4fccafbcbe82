"""Hostile torch solutions: patched comparisons, lying tensors, huge allocations."""

from __future__ import annotations

import pytest

from mlkata.bank import Problem
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Verdict

from .conftest import run

pytestmark = pytest.mark.usefixtures("no_leftovers")

WRONG = """\
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    weights = torch.softmax(q @ k.transpose(-2, -1), dim=-1)  # missing scale
    return weights @ v, weights
"""


def test_the_plain_wrong_solution_fails(sdpa: Problem, options: Options) -> None:
    report = run(sdpa, WRONG, options)
    assert report.verdict is Verdict.WRONG_ANSWER
    # The classic mistake is named first (a declared mistake of this problem), then the numbers.
    assert report.tests[0].message.startswith("the scores were not divided by sqrt(d_k)")
    assert "[out: max abs error " in report.tests[0].message


@pytest.mark.parametrize(
    "patch",
    [
        "torch.allclose = lambda *a, **k: True\ntorch.equal = lambda *a, **k: True",
        "torch.Tensor.__eq__ = lambda self, other: torch.ones((), dtype=torch.bool)",
        "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.abs = lambda x: 0",
        "import sys\nsys.modules['mlkata.judge.compare'].same = lambda *a, **k: None\n"
        "sys.modules['mlkata.judge.api'].same = lambda *a, **k: None",
    ],
    ids=["allclose", "tensor-eq", "builtins", "harness"],
)
def test_monkeypatching_cannot_turn_a_wrong_answer_into_a_pass(sdpa: Problem, options: Options, patch: str) -> None:
    report = run(sdpa, WRONG + "\n" + patch + "\n", options)
    assert report.passed < report.total
    assert report.tests[0].verdict is not Verdict.PASSED


def test_a_tensor_subclass_whose_comparisons_lie_is_judged_on_its_data(sdpa: Problem, options: Options) -> None:
    source = WRONG.replace("return weights @ v, weights", "return Liar(weights @ v), Liar(weights)") + (
        "\n\nclass Liar(torch.Tensor):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def allclose(self, *a, **k):\n        return True\n"
    )
    report = run(sdpa, source, options)
    assert report.tests[0].verdict is Verdict.WRONG_ANSWER
    assert "out: max abs error " in report.tests[0].message


def test_returning_something_that_is_not_a_tensor_is_named(sdpa: Problem, options: Options) -> None:
    source = "def scaled_dot_product_attention(q, k, v, mask=None):\n    return q.numpy(), None\n"
    t = run(sdpa, source, options).tests[0]
    assert t.verdict in (Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR)
    assert t.location is not None and t.location.line in (1, 2)


def test_returning_one_value_instead_of_a_tuple(sdpa: Problem, options: Options) -> None:
    source = "import torch\n\ndef scaled_dot_product_attention(q, k, v, mask=None):\n    return q\n"
    t = run(sdpa, source, options).tests[0]
    assert t.verdict is Verdict.WRONG_ANSWER
    assert t.message.startswith("scaled_dot_product_attention(q, k, v) should return a tuple of 2 values, got a tensor")
    assert t.location is not None and t.location.line == 3


def test_torch_out_of_memory_is_a_memory_limit(sdpa: Problem, options: Options) -> None:
    source = "import torch\n\ndef scaled_dot_product_attention(q, k, v, mask=None):\n    big = torch.empty(50 * 1024**3, dtype=torch.uint8)\n"
    report = run(sdpa, source, options)
    t = report.tests[0]
    assert t.verdict is Verdict.MEMORY_LIMIT
    assert t.location is not None and t.location.line == 4


def test_detached_output_is_explained(sdpa: Problem, options: Options) -> None:
    source = (
        WRONG.replace("import torch", "import math\nimport torch")
        .replace(
            "torch.softmax(q @ k.transpose(-2, -1), dim=-1)",
            "torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(q.size(-1)), dim=-1)",
        )
        .replace("return weights @ v, weights", "out = (weights @ v).detach()\n    return out, weights.detach()")
    )
    report = run(sdpa, source, options)
    grads = next(t for t in report.tests if t.name == "gradients_flow_to_q_k_v")
    assert grads.verdict is Verdict.WRONG_ANSWER
    assert "does not require grad" in grads.message
    assert report.tests[0].passed  # the forward pass is right; only the gradients are lost
