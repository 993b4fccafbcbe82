"""Hidden tests for lora-merge-unmerge."""

import torch
import torch.nn as nn

from mlkata.judge.api import Rand, WrongAnswer, backward, set_param, tensor, test

IN, OUT = 6, 4  # in_features != out_features: a transposed update cannot be added


def make(cls, seed, r=2, alpha=5.0, d_in=IN, d_out=OUT, bias=True):
    """A MergeableLoRALinear whose base weight/bias and A, B all come from Rand(seed)."""
    g = Rand(seed)
    base = nn.Linear(d_in, d_out, bias=bias)
    layer = cls(base, r, alpha)
    set_param(layer, "base.weight", g.randn(d_out, d_in, scale=0.5))
    if bias:
        set_param(layer, "base.bias", g.randn(d_out, scale=0.5))
    set_param(layer, "lora_A", g.randn(r, d_in, scale=0.5))
    set_param(layer, "lora_B", g.randn(d_out, r, scale=0.5))
    return layer


def weight(layer):
    return layer.base.weight.detach().clone()


def run(layer, x, what="out"):
    return tensor(layer(x), what)


def merged_flag(layer):
    flag = getattr(layer, "merged", None)
    if not isinstance(flag, bool):
        raise WrongAnswer(f"layer.merged should be a bool, got {flag!r}")
    return flag


@test
def forward_unmerged_and_gradients(cls):
    # alpha / r = 2.5; gradients reach A, B and x, not the frozen base.
    layer = make(cls, 1, r=2, alpha=5.0)
    x = Rand(11).randn(2, 3, IN).requires_grad_(True)
    out = run(layer, x)
    backward(out, seed=12, what="out")
    return {
        "out": out.detach(),
        "lora_A.grad": layer.lora_A.grad,
        "lora_B.grad": layer.lora_B.grad,
        "x.grad": x.grad,
        "base.weight.grad is None": layer.base.weight.grad is None,
    }


@test
def merge_adds_scaled_update_to_weight(cls):
    layer = make(cls, 2, r=3, alpha=1.5)  # scaling 0.5
    layer.merge()
    return {"base.weight after merge": weight(layer), "merged": merged_flag(layer),
            "base.bias after merge": layer.base.bias.detach().clone()}


@test
def forward_after_merge_is_unchanged(cls):
    layer = make(cls, 3, r=2, alpha=4.0)
    x = Rand(31).randn(5, IN)
    before = run(layer, x, "out before merge").detach()
    layer.merge()
    return {"out before merge": before, "out after merge": run(layer, x, "out after merge").detach()}


@test
def unmerge_restores_weight(cls):
    layer = make(cls, 4, r=2, alpha=8.0)
    x = Rand(41).randn(3, IN)
    layer.merge()
    layer.unmerge()
    return {
        "base.weight after merge + unmerge": weight(layer),
        "merged": merged_flag(layer),
        "out after merge + unmerge": run(layer, x).detach(),
    }


@test
def merge_and_unmerge_are_idempotent(cls):
    layer = make(cls, 5, r=2, alpha=3.0)
    x = Rand(51).randn(3, IN)
    layer.unmerge()  # not merged yet: no-op
    w0 = weight(layer)
    layer.merge()
    layer.merge()  # already merged: no-op
    w_merged = weight(layer)
    out_merged = run(layer, x).detach()
    layer.unmerge()
    layer.unmerge()
    return {
        "base.weight after unmerge on an unmerged layer": w0,
        "base.weight after merge twice": w_merged,
        "out after merge twice": out_merged,
        "base.weight after unmerge twice": weight(layer),
    }


@test
def merge_keeps_parameter_object_and_freeze(cls):
    layer = make(cls, 6)
    w_obj, b_obj = layer.base.weight, layer.base.bias
    layer.merge()
    merged_state = {
        "base.weight is the same Parameter after merge": layer.base.weight is w_obj,
        "base.bias is the same Parameter after merge": layer.base.bias is b_obj,
        "base.weight.requires_grad after merge": layer.base.weight.requires_grad,
        "lora_A.requires_grad after merge": layer.lora_A.requires_grad,
        "base.weight.grad_fn is None after merge": layer.base.weight.grad_fn is None,
    }
    layer.unmerge()
    merged_state["base.weight is the same Parameter after unmerge"] = layer.base.weight is w_obj
    merged_state["base.weight.requires_grad after unmerge"] = layer.base.weight.requires_grad
    return merged_state


class Model(nn.Module):
    """LoRA layers at depths 1, 2 and 3, next to a plain Linear that must stay untouched."""

    def __init__(self, cls):
        super().__init__()
        self.q = make(cls, 70, r=2, alpha=4.0, d_in=6, d_out=6)
        self.block = nn.Sequential(nn.Linear(6, 6), nn.Tanh(), make(cls, 71, r=1, alpha=2.0, d_in=6, d_out=5))
        self.deep = nn.ModuleDict({"mlp": nn.Sequential(make(cls, 72, r=3, alpha=3.0, d_in=5, d_out=4, bias=False))})
        g = Rand(73)
        with torch.no_grad():
            self.block[0].weight.copy_(g.randn(6, 6, scale=0.4))
            self.block[0].bias.copy_(g.randn(6, scale=0.4))

    def forward(self, x):
        return self.deep["mlp"](self.block(self.q(x)))


@test
def merge_all_reaches_nested_layers(cls):
    model = Model(cls)
    x = Rand(74).randn(3, 6)
    before = tensor(model(x), "model(x) before merge_all").detach()
    plain = model.block[0].weight.detach().clone()
    count = cls.merge_all(model)
    again = cls.merge_all(model)
    return {
        "merge_all(model)": count,
        "merge_all(model) again": again,
        "merged flags": [merged_flag(model.q), merged_flag(model.block[2]), merged_flag(model.deep["mlp"][0])],
        "model(x) before merge_all": before,
        "model(x) after merge_all": tensor(model(x), "model(x) after merge_all").detach(),
        "plain nn.Linear weight unchanged": bool(torch.equal(model.block[0].weight.detach(), plain)),
        "deep layer base.weight": weight(model.deep["mlp"][0]),
    }


@test
def unmerge_all_after_training_step(cls):
    # Merge, unmerge, then change B (a training step) and check the unmerged model.
    model = Model(cls)
    x = Rand(80).randn(2, 6)
    originals = [weight(model.q), weight(model.block[2]), weight(model.deep["mlp"][0])]
    cls.merge_all(model)
    count = cls.unmerge_all(model)
    again = cls.unmerge_all(model)
    with torch.no_grad():
        model.block[2].lora_B.add_(Rand(81).randn(5, 1, scale=0.5))
    return {
        "unmerge_all(model)": count,
        "unmerge_all(model) again": again,
        "q.base.weight restored": weight(model.q),
        "block.2.base.weight restored": weight(model.block[2]),
        "deep.mlp.0.base.weight restored": weight(model.deep["mlp"][0]),
        "originals": originals,
        "model(x) after unmerge_all and an update of B": tensor(model(x), "model(x)").detach(),
    }


@test
def merge_all_includes_the_model_itself(cls):
    # merge_all(layer) on a MergeableLoRALinear itself: "model itself included if it is one".
    layer = make(cls, 82, r=2, alpha=2.0)
    count = cls.merge_all(layer)
    merged_weight = weight(layer)
    flag = merged_flag(layer)
    back = cls.unmerge_all(layer)
    return {
        "merge_all(layer)": count,
        "merged after merge_all(layer)": flag,
        "base.weight after merge_all(layer)": merged_weight,
        "unmerge_all(layer)": back,
        "base.weight after unmerge_all(layer)": weight(layer),
    }


@test
def unmerge_subtracts_the_current_update(cls):
    # B changes while the layer is merged (say, a stray optimizer step): unmerge subtracts the
    # current scaling * B @ A, not the one that was added by merge().
    layer = make(cls, 83, r=2, alpha=3.0)
    layer.merge()
    with torch.no_grad():
        layer.lora_B.add_(Rand(84).randn(OUT, 2, scale=0.5))
    layer.unmerge()
    return {"base.weight after unmerge": weight(layer), "merged": merged_flag(layer)}


@test
def base_is_the_given_linear_frozen_in_place(cls):
    # self.base is the nn.Linear passed in (not a copy), and both its weight and its bias are
    # frozen: no gradient reaches either, while A and B stay trainable.
    base = nn.Linear(IN, OUT)
    layer = cls(base, 2, 4.0)
    g = Rand(85)
    for name, shape in (("base.weight", (OUT, IN)), ("base.bias", (OUT,)), ("lora_A", (2, IN)), ("lora_B", (OUT, 2))):
        set_param(layer, name, g.randn(*shape, scale=0.5))
    out = run(layer, Rand(86).randn(3, IN))
    backward(out, seed=87, what="out")
    return {
        "layer.base is the nn.Linear passed in": layer.base is base,
        "base.weight.requires_grad": base.weight.requires_grad,
        "base.bias.requires_grad": base.bias.requires_grad,
        "base.bias.grad is None": base.bias.grad is None,
        "lora_A.requires_grad": layer.lora_A.requires_grad,
        "lora_B.requires_grad": layer.lora_B.requires_grad,
    }


@test
def fresh_layer_equals_its_base(cls):
    # lora_B is zeros at construction, so a new layer computes exactly base(x), whatever lora_A is.
    base = nn.Linear(IN, OUT)
    g = Rand(88)
    with torch.no_grad():
        base.weight.copy_(g.randn(OUT, IN, scale=0.5))
        base.bias.copy_(g.randn(OUT, scale=0.5))
    layer = cls(base, 3, 6.0)
    x = g.randn(4, IN)
    return {"out of a new layer": run(layer, x).detach(), "base(x)": base(x).detach()}


@test
def merge_and_unmerge_return_none(cls):
    # merge() and unmerge() change this layer in place and return None: no new layer is handed
    # back (that is LoRALinear.merge() of the problem "LoRA linear layer", a different contract).
    layer = make(cls, 89)
    merged = layer.merge()
    unmerged = layer.unmerge()
    return {"type returned by merge()": type(merged).__name__, "type returned by unmerge()": type(unmerged).__name__}
