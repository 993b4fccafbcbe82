"""The static scan finds a forbidden torch operator under its torch._C and torch.ops.aten spellings."""

from __future__ import annotations

from mlkata.judge.forbidden import scan

LAYER_NORM = ["torch.nn.functional.layer_norm", "torch.nn.LayerNorm", "torch.layer_norm", "torch.native_layer_norm"]
SDPA = ["torch.nn.functional.scaled_dot_product_attention", "torch.nn.MultiheadAttention"]


def findings(source: str, forbidden: list[str]) -> list[tuple[str, str, int, int]]:
    return [(f.name, f.used_as, f.location.line, f.location.column) for f in scan(source, forbidden)]


def test_torch_c_and_aten_spellings_name_the_closest_forbidden_name() -> None:
    source = (
        "import torch\n"
        "a = torch._C._VariableFunctions.layer_norm(x, [4])\n"
        "b = torch.ops.aten.layer_norm.default(x, [4])\n"
        "c = torch.ops.aten.native_layer_norm(x, [4], None, None, 1e-5)\n"
        "d = torch.ops.aten.layer_norm(x, [4])\n"
    )
    assert findings(source, LAYER_NORM) == [
        ("torch.layer_norm", "torch._C._VariableFunctions.layer_norm", 2, 5),
        ("torch.layer_norm", "torch.ops.aten.layer_norm.default", 3, 5),
        ("torch.native_layer_norm", "torch.ops.aten.native_layer_norm", 4, 5),
        ("torch.layer_norm", "torch.ops.aten.layer_norm", 5, 5),
    ]


def test_torch_c_nn_spelling_of_a_functional() -> None:
    source = "import torch\n\ndef f(q, k, v):\n    return torch._C._nn.scaled_dot_product_attention(q, k, v)\n"
    assert findings(source, SDPA) == [
        ("torch.nn.functional.scaled_dot_product_attention", "torch._C._nn.scaled_dot_product_attention", 4, 12)
    ]


def test_aliases_imports_and_getattr_of_the_namespaces() -> None:
    source = (
        "from torch._C import _VariableFunctions as VF\n"
        "from torch._C._nn import scaled_dot_product_attention as attend\n"
        "import torch\n"
        "a = VF.layer_norm(x, [4])\n"
        "b = getattr(torch.ops.aten, 'layer_norm')\n"
    )
    found = findings(source, LAYER_NORM + SDPA)
    assert [(used, line) for _, used, line, _ in found] == [
        ("from torch._C._nn import scaled_dot_product_attention", 2),
        ("VF.layer_norm", 4),
        ("getattr(torch.ops.aten, 'layer_norm')", 5),
    ]


def test_in_place_variants_tensor_methods_and_special_functions() -> None:
    forbidden = ["torch.nn.functional.dropout", "torch.log_softmax", "torch.special.logsumexp"]
    source = (
        "import torch\n"
        "a = torch.ops.aten.dropout_(x, 0.1, True)\n"
        "b = torch.Tensor.log_softmax(x, -1)\n"
        "c = torch._C._special.special_logsumexp(x, [0])\n"
        "d = torch.dropout_(x, 0.1, True)\n"
    )
    assert [(name, line) for name, _, line, _ in findings(source, forbidden)] == [
        ("torch.nn.functional.dropout", 2),
        ("torch.log_softmax", 3),
        ("torch.special.logsumexp", 4),
        ("torch.nn.functional.dropout", 5),
    ]


def test_other_operators_and_tensor_methods_of_a_functional_stay_allowed() -> None:
    source = (
        "import torch\n"
        "a = torch.ops.aten.layer_norm_backward\n"
        "b = torch.ops.aten.softmax.int(x, -1)\n"
        "c = torch._C._nn.linear(x, w)\n"
        "d = torch.Tensor.unfold(x, 2, 4, 4)\n"  # Tensor.unfold is another operator than F.unfold
    )
    assert findings(source, [*LAYER_NORM, *SDPA, "torch.nn.functional.unfold"]) == []


def test_module_names_get_no_operator_spellings() -> None:
    source = "import torch\nopt = torch.optim.AdamW\nx = torch.ops.aten.add(a, b)\n"
    assert findings(source, ["torch.optim", "numpy"]) == [("torch.optim", "torch.optim.AdamW", 2, 7)]
