"""The run-time guard in a process of its own: aliases refused, allowed torch untouched, no obvious way out.

The guard changes its process for good (a mode entered, attributes replaced), so each check runs a
fresh interpreter with the guard on, the way a judged process runs it, and reads back what every
attempt did: ``ok``, or ``refused: <hit>``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest

pytest.importorskip("torch")

FORBIDDEN = [
    "torch.nn.functional.layer_norm",
    "torch.nn.LayerNorm",
    "torch.layer_norm",
    "torch.native_layer_norm",
    "torch.nn.functional.scaled_dot_product_attention",
    "torch.nn.MultiheadAttention",
    "torch.nn.functional.multi_head_attention_forward",
    "torch.optim",
    "heapq.nlargest",
    "operator.add",
    "collections.OrderedDict",
    "numpy",
]

PROLOGUE = """\
import json, sys, threading
import torch
import torch.nn.functional as F
from mlkata.judge.child import forbid
from mlkata.judge.child.confine import ForbiddenCall

hits, outcomes = [], {}
forbid.guard(json.loads(sys.argv[1]), hits, "<string>")
x, q = torch.randn(2, 4), torch.randn(1, 2, 3, 4)


def attempt(label, fn):
    hits.clear()
    try:
        fn()
        outcomes[label] = "ok" if not hits else "refused: " + hits[0]
    except ForbiddenCall as exc:
        outcomes[label] = "refused: " + str(exc)
    except BaseException as exc:
        outcomes[label] = f"{type(exc).__name__}: {exc}"
"""


def outcomes(attempts: str) -> tuple[dict[str, str], Callable[[str], str]]:
    """Run the attempts (``attempt(label, fn)`` lines) in a fresh guarded interpreter.

    Returns what each did, and ``at(text)``: `` (line N)`` of the script's first line holding text.
    """
    script = PROLOGUE + textwrap.dedent(attempts) + "\nprint(json.dumps(outcomes))\n"
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(FORBIDDEN)], capture_output=True, text=True, check=True, timeout=120
    )

    def at(text: str) -> str:
        return f" (line {next(n for n, line in enumerate(script.splitlines(), 1) if text in line)})"

    return json.loads(out.stdout.splitlines()[-1]), at


def test_every_alias_of_a_forbidden_torch_function_is_refused_with_its_line() -> None:
    got, at = outcomes(
        """
        attempt("variable functions", lambda: torch._C._VariableFunctions.layer_norm(x, [4]))
        attempt("aten packet", lambda: torch.ops.aten.layer_norm(x, [4]))
        attempt("aten overload", lambda: torch.ops.aten.layer_norm.default(x, [4]))
        attempt("aten native", lambda: torch.ops.aten.native_layer_norm(x, [4], None, None, 1e-5))
        attempt("functional", lambda: F.layer_norm(x, [4]))
        attempt("torch c nn", lambda: getattr(torch._C._nn, "scaled_" + "dot_product_attention")(q, q, q))
        attempt("module", lambda: torch.nn.LayerNorm(4))
        """
    )
    assert got == {
        "variable functions": "refused: torch.layer_norm" + at('"variable functions"'),
        "aten packet": "refused: torch.ops.aten.layer_norm, which runs aten::layer_norm as torch.layer_norm does"
        + at('"aten packet"'),
        "aten overload": "refused: torch.ops.aten.layer_norm.default, which runs aten::layer_norm as torch.layer_norm does"
        + at('"aten overload"'),
        "aten native": "refused: torch.ops.aten.native_layer_norm, which runs aten::native_layer_norm "
        "as torch.native_layer_norm does" + at('"aten native"'),
        "functional": "refused: torch.nn.functional.layer_norm" + at('"functional"'),
        "torch c nn": "refused: torch._C._nn.scaled_dot_product_attention, which is "
        "torch.nn.functional.scaled_dot_product_attention" + at('"torch c nn"'),
        "module": "refused: torch.nn.LayerNorm" + at('"module"'),
    }


def test_allowed_torch_keeps_working() -> None:
    got, _ = outcomes(
        """
        def attention():
            weights = torch.softmax(q @ q.transpose(-2, -1), dim=-1)
            return F.linear(weights @ q, torch.eye(4)).sum().backward()

        def subclass_off():
            with torch._C.DisableTorchFunctionSubclass():
                return F.softmax(x, -1)

        def device():
            with torch.device("cpu"):
                return torch.zeros(2) + x.softmax(-1).sum()

        class Own(torch.overrides.TorchFunctionMode):
            def __torch_function__(self, func, types, args=(), kwargs=None):
                return func(*args, **(kwargs or {}))

        def own_mode():
            with Own():
                return F.softmax(x, -1) + x.exp()

        q.requires_grad_()
        attempt("attention", attention)
        attempt("modules", lambda: torch.nn.Linear(4, 4)(x).relu().mean())
        attempt("isinstance", lambda: isinstance(x, torch.nn.LayerNorm) or isinstance(x, torch.nn.MultiheadAttention))
        attempt("printing", lambda: repr(x) + repr(torch.nn.Linear(2, 2)))
        attempt("subclass off", subclass_off)
        attempt("device", device)
        attempt("own mode", own_mode)
        attempt("stack", lambda: torch._C._len_torch_function_stack() == 1 or 1 / 0)
        """
    )
    assert set(got.values()) == {"ok"}, got


def test_the_obvious_ways_to_switch_the_guard_off_are_refused() -> None:
    got, at = outcomes(
        """
        mode = torch.overrides._get_current_function_mode()

        def popped(pop):
            pop()
            return torch.layer_norm(x, [4])

        def temporarily():
            with torch.overrides._pop_mode_temporarily():
                return torch.layer_norm(x, [4])

        def dict_handler():
            mode.__dict__["__torch_function__"] = lambda *a, **k: None
            return torch.layer_norm(x, [4])

        def device_exit():
            import torch.utils._device

            context = torch.utils._device.DeviceContext("cpu")
            context.old_device = None
            context.__exit__(None, None, None)

        def thread():
            worker = threading.Thread(target=lambda: torch.layer_norm(x, [4]))
            worker.start()
            worker.join()

        attempt("pop mode", lambda: popped(torch.overrides._pop_mode))
        attempt("pop stack", lambda: popped(torch._C._pop_torch_function_stack))
        attempt("pop temporarily", temporarily)
        attempt("disable", lambda: torch._C.DisableTorchFunction())
        attempt("state", lambda: torch._C._set_torch_function_state(torch._C._TorchFunctionState.ALL_DISABLED))
        attempt("skip", lambda: torch.overrides.redispatch_function(torch.layer_norm, (), (x, [4]), {}))
        attempt("skip next", lambda: (torch._C._set_skip_next_torch_function(True), torch.layer_norm(x, [4])))
        attempt("exit", lambda: mode.__exit__(None, None, None))
        attempt("base exit", lambda: torch.overrides.TorchFunctionMode.__exit__(mode, None, None, None))
        attempt("class handler", lambda: setattr(type(mode), "__torch_function__", lambda *a, **k: None))
        attempt("handler", lambda: setattr(mode, "__torch_function__", lambda *a, **k: None))
        attempt("dict handler", dict_handler)
        attempt("device exit", device_exit)
        attempt("own function", lambda: torch.overrides.handle_torch_function(lambda a: torch.layer_norm(a, [4]), (x,), x))
        attempt("thread", thread)
        """
    )
    assert all(outcome.startswith("refused: ") for outcome in got.values()), got
    assert got["thread"] == "refused: torch.layer_norm" + at("threading.Thread(")  # the thread's function
    assert got["pop mode"] == "refused: a pop of the forbidden-API guard off torch's mode stack" + at("    pop()")
    assert got["disable"] == "refused: torch._C.DisableTorchFunction, which switches off the forbidden-API guard" + at(
        '"disable"'
    )


def test_other_callables_classes_and_modules_are_refused_where_they_are_defined_too() -> None:
    got, at = outcomes(
        """
        import collections, heapq, importlib, _collections, _operator, operator
        attempt("nlargest", lambda: heapq.nlargest(1, [3, 1]))
        attempt("add", lambda: operator.add(1, 2))
        attempt("add in _operator", lambda: _operator.add(1, 2))
        attempt("add as __add__", lambda: operator.__add__(1, 2))
        attempt("OrderedDict", lambda: collections.OrderedDict())
        attempt("OrderedDict in _collections", lambda: _collections.OrderedDict())
        attempt("optim attribute", lambda: torch.optim.AdamW)
        attempt("optim import", lambda: importlib.import_module("torch.optim"))
        attempt("numpy", lambda: importlib.import_module("numpy"))
        attempt("isinstance OrderedDict", lambda: isinstance({}, collections.OrderedDict) and 1 / 0)
        attempt("sorted", lambda: sorted([2, 1]))
        """
    )
    assert got == {
        "nlargest": "refused: heapq.nlargest" + at('"nlargest"'),
        "add": "refused: operator.add" + at('"add"'),
        "add in _operator": "refused: operator.add" + at('"add in _operator"'),
        "add as __add__": "refused: operator.add" + at('"add as __add__"'),
        "OrderedDict": "refused: collections.OrderedDict" + at('"OrderedDict"'),
        "OrderedDict in _collections": "refused: collections.OrderedDict" + at('"OrderedDict in _collections"'),
        "optim attribute": "refused: torch.optim.AdamW" + at('"optim attribute"'),
        "optim import": "refused: torch.optim" + at('"optim import"'),
        "numpy": "refused: numpy" + at('"numpy"'),
        "isinstance OrderedDict": "ok",
        "sorted": "ok",
    }
