"""Hidden tests for blip-itm-loss."""

import torch

from mlkata.judge.api import Rand, backward, tensor, test, unpack

CALL = "itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids)"
DI, DT, D = 5, 4, 6  # image width, text width, fused width: all different


def make_fuse(seed):
    """A fixed row-wise 'multimodal encoder': tanh of both embeddings and their interaction."""
    r = Rand(seed)
    wa, wb, wc = r.randn(DI, D, scale=0.6), r.randn(DT, D, scale=0.6), r.randn(DI, DT, scale=0.6)

    def fuse(images, texts):
        interaction = ((images @ wc) * texts).sum(dim=-1, keepdim=True)
        return torch.tanh(images @ wa + texts @ wb + interaction)

    return fuse


def make_head(seed):
    r = Rand(seed)
    head = torch.nn.Linear(D, 2)
    with torch.no_grad():
        head.weight.copy_(r.randn(2, D))
        head.bias.copy_(r.randn(2, scale=0.5))
    return head


def embeds(seed, n):
    r = Rand(seed)
    return r.randn(n, DI), r.randn(n, DT)


def run(fn, image_embeds, text_embeds, sim, fuse, head, ids=None):
    args = (image_embeds, text_embeds, sim, fuse, head) + (() if ids is None else (ids,))
    loss, logits = unpack(fn(*args), 2, CALL)
    return tensor(loss, "loss"), tensor(logits, "logits")


def sim_with_strong_diagonal(seed, n):
    # The positive is the most similar text of most rows, so it must be skipped.
    sim = Rand(seed).rand(n, n, low=0.1, high=1.0)
    return sim + 2.0 * torch.eye(n) * (torch.arange(n) % 3 != 1)


@test
def logits_of_positive_pairs(fn):
    image_embeds, text_embeds = embeds(1, 4)
    sim = sim_with_strong_diagonal(10, 4)
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(11), make_head(12))
    return {"logits[:N] (image i, text i)": logits[:4]}


@test
def negative_text_is_hardest_other_text(fn):
    image_embeds, text_embeds = embeds(2, 5)
    sim = sim_with_strong_diagonal(20, 5)
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(21), make_head(22))
    return {"logits[N:2N] (image i, text neg_text[i])": logits[5:10]}


@test
def negative_image_uses_columns(fn):
    # sim is far from symmetric (rows shifted by a ramp), so mining the images from rows shows.
    image_embeds, text_embeds = embeds(3, 5)
    sim = sim_with_strong_diagonal(30, 5) + torch.linspace(0.0, 1.0, 5).view(5, 1)
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(31), make_head(32))
    return {"logits[2N:] (image neg_image[j], text j)": logits[10:], "logits": logits}


@test
def same_image_id_is_not_a_negative(fn):
    # Pairs 0/2 and 1/4 show the same images, and sim is highest inside those groups.
    image_embeds, text_embeds = embeds(4, 6)
    ids = torch.tensor([3, 8, 3, 5, 8, 9])
    same_image = ids[:, None] == ids[None, :]
    sim = Rand(40).rand(6, 6, low=0.1, high=1.0) + 2.0 * same_image
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(41), make_head(42), ids)
    return {"logits": logits}


@test
def ties_go_to_the_lowest_index(fn):
    # Similarities in {1, 2, 3}: most rows and columns have tied maxima.
    image_embeds, text_embeds = embeds(5, 7)
    sim = Rand(50).randint(1, 4, 7, 7).float()
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(51), make_head(52))
    return {"logits": logits}


@test
def all_similarities_negative(fn):
    # Every similarity is below 0: a positive masked out with 0 instead of -inf would win.
    image_embeds, text_embeds = embeds(6, 5)
    sim = -Rand(60).rand(5, 5, low=0.1, high=1.0)
    _, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(61), make_head(62))
    return {"logits": logits}


@test
def loss_labels_and_mean(fn):
    # Label 1 for the N positives and 0 for the 2N negatives, averaged over the 3N rows.
    image_embeds, text_embeds = embeds(7, 4)
    sim = sim_with_strong_diagonal(70, 4)
    loss, _ = run(fn, image_embeds, text_embeds, sim, make_fuse(71), make_head(72))
    ids = torch.tensor([0, 1, 0, 2])
    loss_with_ids, _ = run(fn, image_embeds, text_embeds, sim, make_fuse(71), make_head(72), ids)
    return {"loss": loss, "loss (ids [0, 1, 0, 2])": loss_with_ids}


@test
def two_pairs(fn):
    # N = 2, the smallest batch: each image's only negative is the other text.
    image_embeds, text_embeds = embeds(8, 2)
    sim = Rand(80).randn(2, 2)
    loss, logits = run(fn, image_embeds, text_embeds, sim, make_fuse(81), make_head(82))
    return {"loss": loss, "logits": logits}


@test
def gradients_reach_embeddings_and_head(fn):
    # Through the negatives too: the gathered embeddings of the hard negatives are not detached.
    image_embeds, text_embeds = embeds(9, 4)
    image_embeds.requires_grad_(True)
    text_embeds.requires_grad_(True)
    head = make_head(92)
    sim = sim_with_strong_diagonal(90, 4) + torch.linspace(0.0, 0.5, 4).view(4, 1)
    loss, _ = run(fn, image_embeds, text_embeds, sim, make_fuse(91), head, torch.tensor([0, 1, 2, 1]))
    backward(loss, seed=93, what="loss")
    return {
        "image_embeds.grad": image_embeds.grad,
        "text_embeds.grad": text_embeds.grad,
        "itm_head.weight.grad": head.weight.grad,
        "itm_head.bias.grad": head.bias.grad,
    }


@test
def inputs_are_not_modified(fn):
    image_embeds, text_embeds = embeds(10, 4)
    sim = sim_with_strong_diagonal(100, 4)
    ids = torch.tensor([5, 6, 7, 5])
    before = {"sim": sim.clone(), "image_embeds": image_embeds.clone(), "text_embeds": text_embeds.clone(), "ids": ids.clone()}
    loss, _ = run(fn, image_embeds, text_embeds, sim, make_fuse(101), make_head(102), ids)
    after = {"sim": sim, "image_embeds": image_embeds, "text_embeds": text_embeds, "ids": ids}
    return {
        **{f"{k} after the call": v for k, v in after.items()},
        **{f"{k} before the call (unchanged)": v for k, v in before.items()},
        "loss": loss,
    }


@test
def sim_requiring_grad_gets_no_gradient(fn):
    # In training sim comes out of the ITC branch and requires grad; the mining is a selection.
    image_embeds, text_embeds = embeds(11, 4)
    sim = sim_with_strong_diagonal(110, 4).requires_grad_(True)
    loss, _ = run(fn, image_embeds, text_embeds, sim, make_fuse(111), make_head(112))
    backward(loss, seed=113, what="loss")
    no_grad = sim.grad is None or not bool(sim.grad.any())
    return {"loss": loss.detach(), "sim gets no gradient": no_grad}
