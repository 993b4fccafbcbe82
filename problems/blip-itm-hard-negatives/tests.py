"""Hidden tests for blip-itm-hard-negatives."""

import torch

from mlkata.judge.api import Rand, tensor, test, unpack

CALL = "hard_negatives(sim, ids)"


def mine(fn, sim, ids=None):
    result = fn(sim) if ids is None else fn(sim, ids)
    neg_text, neg_image = unpack(result, 2, CALL)
    return tensor(neg_text, "neg_text"), tensor(neg_image, "neg_image")


@test
def text_negative_is_most_similar_other_text(fn):
    # Distinct pairs; the diagonal is the largest entry of some rows, so it must be skipped.
    sim = Rand(1).rand(6, 6, low=0.1, high=1.0)
    sim += 2.0 * torch.eye(6) * (torch.arange(6) % 2 == 0)
    neg_text, _ = mine(fn, sim)
    return {"neg_text": neg_text}


@test
def image_negative_uses_columns(fn):
    # sim is far from symmetric, so taking rows again for the texts shows.
    sim = Rand(2).rand(5, 5, low=0.1, high=1.0) + torch.linspace(0.0, 1.0, 5).view(5, 1)
    _, neg_image = mine(fn, sim)
    return {"neg_image": neg_image}


@test
def same_image_id_is_not_a_negative(fn):
    # Pairs 0/2 and 1/4 show the same images; sim is highest inside those groups.
    ids = torch.tensor([3, 8, 3, 5, 8, 9])
    same = ids[:, None] == ids[None, :]
    sim = Rand(3).rand(6, 6, low=0.1, high=1.0) + 2.0 * same
    neg_text, neg_image = mine(fn, sim, ids)
    return {"neg_text": neg_text, "neg_image": neg_image}


@test
def all_similarities_negative(fn):
    # Every similarity is below 0: a masked-out positive filled with 0 would win.
    sim = -Rand(4).rand(5, 5, low=0.1, high=1.0)
    neg_text, neg_image = mine(fn, sim)
    return {"neg_text": neg_text, "neg_image": neg_image}


@test
def ties_go_to_the_lowest_index(fn):
    # Similarities in {0, 1, 2}: most rows and columns have tied maxima.
    sim = Rand(5).randint(0, 3, 7, 7).float()
    neg_text, neg_image = mine(fn, sim)
    return {"neg_text": neg_text, "neg_image": neg_image}


@test
def no_candidate_gives_minus_one(fn):
    # ids (2, 2, 2, 6): the text and image of pair 3 have candidates, the others only
    # have pair 3; with all ids equal nobody has a candidate.
    sim = Rand(6).randn(4, 4)
    neg_text, neg_image = mine(fn, sim, torch.tensor([2, 2, 2, 6]))
    all_same_text, all_same_image = mine(fn, sim[:3, :3], torch.tensor([1, 1, 1]))
    single_text, single_image = mine(fn, sim[:1, :1])
    return {
        "neg_text": neg_text,
        "neg_image": neg_image,
        "neg_text (all ids equal)": all_same_text,
        "neg_image (all ids equal)": all_same_image,
        "neg_text (N = 1)": single_text,
        "neg_image (N = 1)": single_image,
    }


@test
def sim_is_not_modified(fn):
    sim = Rand(7).randn(5, 5)
    original = sim.clone()
    neg_text, neg_image = mine(fn, sim)
    return {"sim after the call": sim, "sim before the call": original, "neg_text": neg_text, "neg_image": neg_image}


@test
def sim_requiring_grad_is_accepted(fn):
    # In training sim comes out of the contrastive model and requires grad; the mining must
    # work on it without gradient tracking getting in the way, and return plain indices.
    sim = Rand(8).randn(5, 5).requires_grad_(True)
    neg_text, neg_image = mine(fn, sim, torch.tensor([0, 1, 0, 2, 3]))
    return {"neg_text": neg_text, "neg_image": neg_image, "neg_text requires grad": neg_text.requires_grad}
