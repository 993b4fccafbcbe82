"""Hidden tests for p-tuning-prompt-encoder."""

import torch
import torch.nn as nn

from mlkata.judge.api import Rand, WrongAnswer, backward, set_param, tensor, test, unpack

VOCAB, D, HIDDEN, N = 20, 6, 10, 3  # n != L and hidden != d so axis and order bugs show
CALL = "layer(input_ids, attention_mask)"


def make_base(seed):
    base = nn.Embedding(VOCAB, D)
    set_param(base, "weight", Rand(seed).randn(VOCAB, D))
    return base


def build(cls, seed, n=N):
    base = make_base(seed)
    layer = cls(base, n, HIDDEN)
    r = Rand(seed + 1)
    set_param(layer, "virtual_embedding.weight", r.randn(n, D))
    set_param(layer, "mlp.0.weight", r.randn(HIDDEN, D, scale=D ** -0.5))
    set_param(layer, "mlp.0.bias", r.randn(HIDDEN, scale=0.5))
    set_param(layer, "mlp.2.weight", r.randn(D, HIDDEN, scale=HIDDEN ** -0.5))
    set_param(layer, "mlp.2.bias", r.randn(D, scale=0.5))
    return layer, base


def inputs(seed, b, length, lengths=None, dtype=torch.int64):
    ids = Rand(seed).randint(1, VOCAB, b, length)
    lengths = lengths or [length] * b
    mask = torch.arange(length).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)
    ids = ids.masked_fill(~mask, 0)
    return ids, mask.to(dtype)


def run(layer, ids, mask):
    embeds, mask2 = unpack(layer(ids, mask), 2, CALL)
    return tensor(embeds, "inputs_embeds"), tensor(mask2, "attention_mask")


@test
def parameters_and_frozen_base(cls):
    base = make_base(1)
    layer = cls(base, N, HIDDEN)
    params = dict(layer.named_parameters())
    if "virtual_embedding.weight" not in params:
        raise WrongAnswer("the module has no parameter 'virtual_embedding.weight'")
    return {
        "self.base is base_embedding": getattr(layer, "base", None) is base,
        "base.weight.requires_grad": base.weight.requires_grad,
        "trainable parameters": sorted(n for n, p in params.items() if p.requires_grad),
        "shapes": {n: tuple(p.shape) for n, p in sorted(params.items())},
    }


@test
def virtual_tokens_go_through_the_mlp(cls):
    # Only the first n positions: the encoded prompt, identical for every example.
    layer, _ = build(cls, 10)
    ids, mask = inputs(11, 2, 4)
    embeds, _ = run(layer, ids, mask)
    return {"inputs_embeds[:, :n]": embeds[:, :N]}


@test
def prompt_comes_before_the_input_embeddings(cls):
    layer, _ = build(cls, 20)
    ids, mask = inputs(21, 3, 5)
    embeds, _ = run(layer, ids, mask)
    return {"inputs_embeds": embeds}


@test
def attention_mask_extended_with_ones(cls):
    # int64 mask with right padding (rows of 5, 2 and 4 real tokens).
    layer, _ = build(cls, 30)
    ids, mask = inputs(31, 3, 5, lengths=[5, 2, 4])
    embeds, mask2 = run(layer, ids, mask)
    return {"attention_mask": mask2, "inputs_embeds": embeds}


@test
def bool_attention_mask_keeps_its_dtype(cls):
    layer, _ = build(cls, 40, n=2)
    ids, mask = inputs(41, 2, 3, lengths=[1, 3], dtype=torch.bool)
    _, mask2 = run(layer, ids, mask)
    return {"attention_mask": mask2}


@test
def gradients_reach_encoder_not_base(cls):
    layer, base = build(cls, 50)
    ids, mask = inputs(51, 2, 4, lengths=[4, 3])
    embeds, _ = run(layer, ids, mask)
    backward(embeds, seed=52, what="inputs_embeds")
    grads = {n: p.grad for n, p in layer.named_parameters() if n.startswith(("virtual_embedding.", "mlp."))}
    grads["base.weight.grad is None"] = base.weight.grad is None
    return grads
