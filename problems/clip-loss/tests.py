"""Hidden tests for clip-loss."""

import torch

from mlkata.judge.api import Fail, Rand, backward, close, require, same, tensor, test


def pairs(seed, n=6, d=10, scale=1.0):
    r = Rand(seed)
    return r.randn(n, d, scale=scale), r.randn(n, d, scale=scale)


def loss_of(clip_loss, img, txt, logit_scale, what="clip_loss(image_embeds, text_embeds, logit_scale)"):
    return tensor(clip_loss(img, txt, logit_scale), what)


@test
def loss_matches_reference(clip_loss):
    # N = 6 != D = 10, float logit_scale.
    img, txt = pairs(1)
    return {"loss": loss_of(clip_loss, img, txt, 3.0)}


@test
def logit_scale_as_tensor(clip_loss):
    # A 0-dim tensor must give the same loss as the float it holds.
    img, txt = pairs(2, n=5, d=7)
    as_float = loss_of(clip_loss, img, txt, 2.5)
    as_tensor = loss_of(clip_loss, img, txt, torch.tensor(2.5))
    return {"loss (float logit_scale)": as_float, "loss (tensor logit_scale)": as_tensor}


def _symmetric(expected, got):
    a, b = got["clip_loss(img, txt)"], got["clip_loss(txt, img)"]
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and a.shape == b.shape == ():
        require(
            abs(a.item() - b.item()) <= 1e-5 + 1e-4 * abs(b.item()),
            f"clip_loss(img, txt) = {a.item():.6g} but clip_loss(txt, img) = {b.item():.6g}: "
            "swapping the modalities must not change the loss (it averages both directions)",
        )
    same(expected, got)


@test(check=_symmetric)
def symmetric_in_images_and_texts(clip_loss):
    # The images are clustered around one direction and the texts are not, so the
    # image->text and text->image cross-entropies are far apart.
    r = Rand(3)
    centre = r.randn(1, 8)
    img = centre + r.randn(5, 8, scale=0.3)
    txt = r.randn(5, 8)
    return {
        "clip_loss(img, txt)": loss_of(clip_loss, img, txt, 4.0, "clip_loss(img, txt)"),
        "clip_loss(txt, img)": loss_of(clip_loss, txt, img, 4.0, "clip_loss(txt, img)"),
    }


def _invariant(expected, got):
    a, b = got["loss"], got["loss (rows rescaled)"]
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and a.shape == b.shape == ():
        require(
            abs(a.item() - b.item()) <= 1e-5 + 1e-4 * abs(a.item()),
            f"rescaling each embedding row by a positive factor changed the loss from {a.item():.6g} "
            f"to {b.item():.6g}: each row must be L2-normalised (cosine similarities)",
        )
    same(expected, got)


@test(check=_invariant)
def invariant_to_embedding_norms(clip_loss):
    img, txt = pairs(4, n=5, d=6)
    r = Rand(40)
    img_scale = r.rand(5, 1, low=0.2, high=5.0)
    txt_scale = r.rand(5, 1, low=0.2, high=5.0)
    return {
        "loss": loss_of(clip_loss, img, txt, 3.0),
        "loss (rows rescaled)": loss_of(clip_loss, img * img_scale, txt * txt_scale, 3.0),
    }


@test
def gradients_flow_to_embeddings(clip_loss):
    img, txt = pairs(5, n=4, d=9)
    img.requires_grad_(True)
    txt.requires_grad_(True)
    loss = loss_of(clip_loss, img, txt, 2.0)
    backward(loss, seed=51, what="the loss")
    return {"image_embeds.grad": img.grad, "text_embeds.grad": txt.grad}


def _scale_grad(expected, got):
    require(
        got["logit_scale.grad"] is not None,
        "logit_scale.grad is None: the loss was not differentiated with respect to the "
        "logit_scale tensor (it was turned into a Python number or detached)",
    )
    same(expected, got)


@test(check=_scale_grad)
def gradient_flows_to_logit_scale(clip_loss):
    img, txt = pairs(6, n=5, d=4)
    img.requires_grad_(True)
    txt.requires_grad_(True)
    logit_scale = torch.tensor(3.0, requires_grad=True)
    loss = loss_of(clip_loss, img, txt, logit_scale)
    backward(loss, seed=61, what="the loss")
    return {"loss": loss.detach(), "logit_scale.grad": logit_scale.grad}


@test
def single_pair_gives_zero_loss(clip_loss):
    # N = 1: the only candidate is the right one in both directions, so the loss is 0.
    img, txt = pairs(7, n=1, d=5)
    return {"loss": loss_of(clip_loss, img, txt, 5.0)}


def _finite(expected, got):
    loss = got["loss"]
    if isinstance(loss, torch.Tensor) and loss.is_floating_point() and loss.numel() == 1:
        require(
            bool(torch.isfinite(loss).all()),
            f"the loss is {loss.item()} with logit_scale = 100: exp of logits that large overflows "
            "float32; use a numerically stable log-softmax",
        )
    same(expected, got)


@test(check=_finite)
def stable_at_logit_scale_100(clip_loss):
    # CLIP clamps logit_scale at 100. Each text is close to its image (cosine near 1), so
    # the diagonal logits are near 100 and exp(logits) overflows float32 (max about e^88.7).
    # Images 0/1 and 3/4 are near-duplicates, so the loss is not saturated at 0.
    r = Rand(8)
    base = r.randn(4, 5)
    img = base[[0, 0, 1, 2, 2, 3]] + r.randn(6, 5, scale=0.05)
    txt = img + r.randn(6, 5, scale=0.05)
    return {"loss": loss_of(clip_loss, img, txt, 100.0)}


@test
def keeps_float64_dtype(clip_loss):
    img, txt = pairs(9, n=4, d=3)
    return {"loss": loss_of(clip_loss, img.double(), txt.double(), 2.0)}
