"""Hidden tests for albef-itc-momentum-queue."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, backward, fmt_shape, tensor, test

CALL = "forward(image_feat, text_feat, image_feat_m, text_feat_m, alpha)"


def unit(r, n, d):
    x = r.randn(n, d)
    return x / x.norm(dim=1, keepdim=True)


def state(m, name):
    value = getattr(m, name, None)
    if not isinstance(value, torch.Tensor):
        raise WrongAnswer(f"the module has no tensor attribute {name!r} (a buffer of shape (queue_size, dim))")
    return value


def build(cls, dim, queue_size, temperature, seed):
    """The module with both queues overwritten from Rand(seed)."""
    m = cls(dim, queue_size, temperature)
    r = Rand(seed)
    for name in ("image_queue", "text_queue"):
        buf = state(m, name)
        value = unit(r, queue_size, dim)
        if tuple(buf.shape) != tuple(value.shape):
            raise WrongAnswer(f"{name} has shape {fmt_shape(buf.shape)}, expected {fmt_shape(value.shape)}")
        with torch.no_grad():
            buf.copy_(value)
    return m


def pointer(m):
    if not hasattr(m, "queue_ptr"):
        raise WrongAnswer("the module has no attribute 'queue_ptr'")
    return int(m.queue_ptr)


def batch(seed, n, d):
    r = Rand(seed)
    return unit(r, n, d), unit(r, n, d), unit(r, n, d), unit(r, n, d)


def step(m, feats, alpha=0.0):
    return tensor(m(*feats, alpha=alpha), f"the loss returned by {CALL}")


def queues(m):
    return {
        "image_queue": state(m, "image_queue").detach().clone(),
        "text_queue": state(m, "text_queue").detach().clone(),
        "queue_ptr": pointer(m),
    }


@test
def loss_matches_reference(cls):
    # N = 3 pairs against a queue of 6, alpha = 0: plain InfoNCE over N + K candidates, both ways.
    m = build(cls, 5, 6, 0.2, seed=10)
    return {"loss": step(m, batch(1, 3, 5))}


@test
def enqueues_momentum_features_after_loss(cls):
    m = build(cls, 5, 6, 0.2, seed=20)
    step(m, batch(2, 4, 5))
    return queues(m)


@test
def pointer_wraps_around(cls):
    # queue_size = 5, N = 2: the batches go to rows (0, 1), (2, 3), (4, 0).
    m = build(cls, 4, 5, 0.3, seed=30)
    losses = [step(m, batch(31 + k, 2, 4)) for k in range(3)]
    return {"loss at step 1": losses[0], "loss at step 2": losses[1], "loss at step 3": losses[2], **queues(m)}


@test
def batch_as_large_as_queue(cls):
    # N = queue_size = 3: every row is replaced and the pointer comes back to 0.
    m = build(cls, 4, 3, 0.25, seed=40)
    loss1 = step(m, batch(41, 3, 4))
    ptr1 = pointer(m)
    loss2 = step(m, batch(42, 3, 4))
    return {"loss at step 1": loss1, "queue_ptr after step 1": ptr1, "loss at step 2": loss2, **queues(m)}


@test
def single_pair_batch(cls):
    # N = 1, the smallest batch: one positive (column 0) against the full queue, one row enqueued.
    m = build(cls, 4, 5, 0.2, seed=70)
    loss = step(m, batch(71, 1, 4))
    return {"loss": loss, **queues(m)}


@test
def momentum_distillation_soft_targets(cls):
    m = build(cls, 5, 6, 0.2, seed=50)
    return {"loss (alpha = 0.4)": step(m, batch(5, 3, 5), alpha=0.4)}


@test
def alpha_defaults_to_zero(cls):
    # forward called without alpha: the default 0.0 gives the plain InfoNCE target.
    m = build(cls, 5, 6, 0.2, seed=80)
    return {"loss (alpha not given)": tensor(m(*batch(8, 3, 5)), f"the loss returned by {CALL}")}


@test
def gradients_reach_online_features_only(cls):
    m = build(cls, 5, 6, 0.2, seed=60)
    image_feat, text_feat, image_feat_m, text_feat_m = batch(6, 3, 5)
    for t in (image_feat, text_feat, image_feat_m, text_feat_m):
        t.requires_grad_(True)
    loss = step(m, (image_feat, text_feat, image_feat_m, text_feat_m), alpha=0.3)
    backward(loss, seed=61, what="the loss")
    return {
        "image_feat.grad": image_feat.grad,
        "text_feat.grad": text_feat.grad,
        "image_feat_m.grad is None": image_feat_m.grad is None,
        "text_feat_m.grad is None": text_feat_m.grad is None,
        "image_queue.requires_grad": bool(state(m, "image_queue").requires_grad),
        "text_queue.requires_grad": bool(state(m, "text_queue").requires_grad),
    }
