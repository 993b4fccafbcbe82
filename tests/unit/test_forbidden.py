"""The static forbidden-API scan resolves aliases and reports call sites."""

from __future__ import annotations

from mlkata.judge.forbidden import scan

SDPA = "torch.nn.functional.scaled_dot_product_attention"
MHA = "torch.nn.MultiheadAttention"


def spots(source: str, forbidden=(SDPA, MHA)) -> list[tuple[str, int, int]]:
    return [(f.used_as, f.location.line, f.location.column) for f in scan(source, list(forbidden))]


def test_module_alias() -> None:
    src = "import torch.nn.functional as F\n\ndef f(q, k, v):\n    return F.scaled_dot_product_attention(q, k, v)\n"
    assert spots(src) == [("F.scaled_dot_product_attention", 4, 12)]


def test_full_path_and_from_import() -> None:
    src = "import torch\nfrom torch import nn\nx = torch.nn.functional.scaled_dot_product_attention\ny = nn.MultiheadAttention(4, 2)\n"
    assert spots(src) == [("torch.nn.functional.scaled_dot_product_attention", 3, 5), ("nn.MultiheadAttention", 4, 5)]


def test_from_import_of_the_function_itself_is_flagged_at_the_import() -> None:
    src = "from torch.nn.functional import scaled_dot_product_attention as sdpa\nsdpa(1, 2, 3)\n"
    found = spots(src)
    assert found[0][1] == 1 and len(found) == 2


def test_getattr_with_a_constant_name() -> None:
    src = "import torch.nn.functional as F\nfn = getattr(F, 'scaled_dot_product_attention')\n"
    assert spots(src)[0][:2] == ("getattr(F, 'scaled_dot_product_attention')", 2)


def test_allowed_names_and_shadowing_are_not_flagged() -> None:
    src = (
        "import torch\nimport torch.nn.functional as F\nw = F.softmax(torch.randn(2), dim=-1)\nscaled_dot_product_attention = 1\n"
    )
    assert spots(src) == []


def test_forbidden_module_import_forms() -> None:
    src = "import numpy as np\nfrom numpy.linalg import norm\nx = __import__('numpy')\n"
    assert [line for _, line, _ in spots(src, ["numpy"])] == [1, 2, 3]
