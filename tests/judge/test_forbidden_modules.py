"""A forbidden module is refused to the judged file only: the harness, the standard library and torch keep it.

Forbidding a standard-library module (``itertools``) or a part of torch (``torch.autograd``) used to
remove it from the interpreter, so the judge's own code, or torch's, failed with it.
"""

from __future__ import annotations

import pytest

from mlkata.bank import Problem
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Verdict

from .conftest import TOML, make_problem, run

USES_THE_MODULES = """\
import itertools
import torch


def add(a, b):
    return sum(itertools.chain([a], [b]))
"""


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """add-two, run as a torch problem, with a standard-library module and a part of torch forbidden."""
    toml = TOML.replace('forbidden = ["numpy", "operator.add"]', 'forbidden = ["itertools", "torch.autograd", "operator.add"]')
    toml = toml.replace('kind = "python"', 'kind = "torch"')
    return make_problem(tmp_path_factory.mktemp("strict"), toml=toml)


def test_the_reference_and_a_plain_solution_still_pass(strict: Problem, options: Options) -> None:
    assert run(strict, strict.solution, options).verdict is Verdict.PASSED
    # torch's own code still uses torch.autograd (a tensor that requires grad goes through it).
    uses_torch = "import torch\n\ndef add(a, b):\n    t = torch.tensor(float(a), requires_grad=True)\n    (t * 2).backward()\n    return a + b\n"
    assert run(strict, uses_torch, options).verdict is Verdict.PASSED


@pytest.mark.parametrize(
    "body",
    [
        "    return sum(__import__('iter' + 'tools').chain([a], [b]))",
        "    import importlib\n    return sum(importlib.import_module('iter' + 'tools').chain([a], [b]))",
        "    import torch\n    return getattr(torch, 'auto' + 'grad').grad",
    ],
    ids=["__import__", "import_module", "submodule-attribute"],
)
def test_the_judged_file_cannot_reach_them_by_any_spelling(strict: Problem, options: Options, body: str) -> None:
    report = run(strict, f"def add(a, b):\n{body}\n", options)
    assert report.verdict is Verdict.FORBIDDEN_API, report.tests[0].message


def test_a_static_import_is_found_before_running(strict: Problem, options: Options) -> None:
    report = run(strict, USES_THE_MODULES, options)
    assert report.verdict is Verdict.FORBIDDEN_API and "itertools" in report.tests[0].message
