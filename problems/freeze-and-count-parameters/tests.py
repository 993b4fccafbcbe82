"""Hidden tests for freeze-and-count-parameters."""

import torch
from torch import nn

from mlkata.judge.api import WrongAnswer, same, test, unpack

CALL = "freeze_except(model, patterns)"


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.attn = nn.Linear(d, d)
        self.norm = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d, bias=False))


class Encoder(nn.Module):
    def __init__(self, d=4, n_layers=3, n_classes=3):
        super().__init__()
        self.embed = nn.Embedding(10, d)
        self.layers = nn.ModuleList(Block(d) for _ in range(n_layers))
        self.head = nn.Linear(d, n_classes)


class TiedLM(nn.Module):
    """An LM whose output projection is the input embedding (one Parameter, two names)."""

    def __init__(self, vocab=11, d=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.block = nn.Linear(d, d)
        self.lm_head = nn.Linear(d, vocab, bias=False)
        self.lm_head.weight = self.embed.weight


class ConvNet(nn.Module):
    """BatchNorm has buffers (running_mean, running_var, num_batches_tracked) next to its parameters."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, 2)
        self.register_buffer("pixel_mean", torch.zeros(3))


def apply(fn, model, patterns):
    result = fn(model, list(patterns))
    trainable, total = unpack(result, 2, CALL)
    return {"trainable": trainable, "total": total}


def requires_grad(model):
    """name -> requires_grad for every name, tied names included."""
    return {n: p.requires_grad for n, p in model.named_parameters(remove_duplicate=False)}


@test
def counts_for_a_simple_mlp(freeze_except):
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    out = apply(freeze_except, model, ["2.*"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def patterns_select_by_full_dotted_name(freeze_except):
    # '*' crosses dots; several patterns are OR-ed.
    model = Encoder()
    out = apply(freeze_except, model, ["layers.2.*", "*norm.bias", "head.weight"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def whole_name_must_match(freeze_except):
    # 'bias', 'head' and 'layers.1' are substrings/prefixes of names but match no full name;
    # 'layers.1.attn.weight' matches exactly one.
    model = Encoder()
    out = apply(freeze_except, model, ["bias", "head", "layers.1", "layers.1.attn.weight", "Embed.weight"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def question_mark_and_set_wildcards(freeze_except):
    # '?' matches one character (any layer index), '[02]' one character of the set.
    model = Encoder()
    out = apply(freeze_except, model, ["layers.?.norm.weight", "layers.[02].attn.bias", "hea?.bias"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def previously_frozen_match_is_unfrozen(freeze_except):
    model = Encoder()
    for p in model.parameters():
        p.requires_grad_(False)
    out = apply(freeze_except, model, ["head.*", "layers.0.mlp.*"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def buffers_are_not_counted(freeze_except):
    model = ConvNet()
    out = apply(freeze_except, model, ["bn.*", "fc.bias"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def tied_parameter_counted_once(freeze_except):
    model = TiedLM()
    if model.lm_head.weight is not model.embed.weight:
        raise WrongAnswer("internal: weights not tied")
    out = apply(freeze_except, model, ["embed.*"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def tied_parameter_selected_by_its_second_name(freeze_except):
    # Only 'lm_head.weight' matches, and it is the same Parameter as 'embed.weight'.
    model = TiedLM()
    out = apply(freeze_except, model, ["lm_head.*"])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def empty_patterns_freeze_everything(freeze_except):
    model = Encoder(n_layers=2)
    out = apply(freeze_except, model, [])
    out["requires_grad"] = requires_grad(model)
    return out


@test
def nothing_else_about_the_model_changes(freeze_except):
    # Only requires_grad may change: same Parameter objects, values, .grad, buffers and train/eval mode.
    model = ConvNet()
    for _k, _p in enumerate(model.parameters()):
        _p.grad = torch.full_like(_p, 0.5 + _k)
    before = {n: p for n, p in model.named_parameters()}
    values = {n: p.detach().clone() for n, p in before.items()}
    grads = {n: p.grad.clone() for n, p in before.items()}
    buffers = {n: b.clone() for n, b in model.named_buffers()}
    apply(freeze_except, model, ["fc.*"])
    after = dict(model.named_parameters())
    return {
        "the same Parameter objects under the same names": list(after) == list(before)
        and all(after[n] is p for n, p in before.items()),
        "parameter values unchanged": all(torch.equal(after[n], v) for n, v in values.items() if n in after),
        ".grad unchanged": all(
            after[n].grad is not None and torch.equal(after[n].grad, g) for n, g in grads.items() if n in after
        ),
        "buffers unchanged": all(torch.equal(b, buffers[n]) for n, b in model.named_buffers()),
        "training mode of every module": [m.training for m in model.modules()],
    }
