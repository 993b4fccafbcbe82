"""What the run-time guard matches a call by: one key for every alias of an ATen operator."""

from __future__ import annotations

import heapq

import pytest

from mlkata.judge.child.forbid import forbidden_keys, key_of, name_of

torch = pytest.importorskip("torch")
F = torch.nn.functional


@pytest.mark.parametrize(
    "alias",
    [
        torch.layer_norm,
        torch._C._VariableFunctions.layer_norm,
        torch.ops.aten.layer_norm,
        torch.ops.aten.layer_norm.default,
    ],
    ids=["torch", "variable-functions", "aten-packet", "aten-overload"],
)
def test_every_spelling_of_layer_norm_has_the_operator_s_key(alias: object) -> None:
    assert key_of(alias) == "aten::layer_norm"


def test_scaled_dot_product_attention_in_torch_c_nn_is_the_functional_one() -> None:
    assert torch._C._nn.scaled_dot_product_attention is F.scaled_dot_product_attention
    key = key_of(F.scaled_dot_product_attention)
    assert key == "aten::scaled_dot_product_attention"
    assert key_of(torch.ops.aten.scaled_dot_product_attention.default) == key


def test_tensor_methods_and_in_place_variants_are_the_operator() -> None:
    assert key_of(torch.Tensor.log_softmax) == key_of(torch.log_softmax) == "aten::log_softmax"
    assert key_of(torch.dropout_) == key_of(torch.dropout) == key_of(torch.ops.aten.dropout_) == "aten::dropout"
    assert key_of(torch.Tensor.relu_) == "aten::relu"
    assert key_of(torch.Tensor.__and__) == "aten::__and__"  # a dunder is no in-place variant


def test_python_functions_and_classes_are_their_own_key() -> None:
    for obj in (F.layer_norm, F.multi_head_attention_forward, torch.nn.LayerNorm, heapq.nlargest, sorted):
        assert key_of(obj) is obj


def test_a_python_function_forbids_the_builtin_of_its_name_and_nothing_it_calls() -> None:
    assert forbidden_keys(F.layer_norm) == {F.layer_norm, "aten::layer_norm"}
    assert forbidden_keys(F.dropout) == {F.dropout, "aten::dropout"}
    assert forbidden_keys(F.log_softmax) == {F.log_softmax, "aten::log_softmax"}
    # It calls softmax and linear, which stay allowed.
    assert forbidden_keys(F.multi_head_attention_forward) == {F.multi_head_attention_forward}
    # torch has no builtin unfold (Tensor.unfold is another operator), so F.unfold forbids only itself.
    assert forbidden_keys(F.unfold) == {F.unfold}
    assert forbidden_keys(torch.layer_norm) == {"aten::layer_norm"}


def test_names_in_messages() -> None:
    assert name_of(torch.ops.aten.layer_norm.default) == "torch.ops.aten.layer_norm.default"
    assert name_of(torch.ops.aten.native_layer_norm) == "torch.ops.aten.native_layer_norm"
    assert name_of(torch._C._VariableFunctions.layer_norm) == "torch.layer_norm"
    assert name_of(torch._C._nn.scaled_dot_product_attention) == "torch._C._nn.scaled_dot_product_attention"
    assert name_of(torch.Tensor.softmax) == "torch.Tensor.softmax"
    assert name_of(F.layer_norm) == "torch.nn.functional.layer_norm"
    assert name_of(heapq.nlargest) == "heapq.nlargest"
