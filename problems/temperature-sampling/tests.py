"""Hidden tests for temperature-sampling."""

import torch

from mlkata.judge.api import Fail, Rand, raises, same, tensor, test

CALL = "sample_next_token(logits, temperature, generator)"


def gen(seed):
    return torch.Generator().manual_seed(seed)


def draw(fn, logits, temperature, generator):
    return tensor(fn(logits, temperature, generator), CALL)


@test
def samples_match_reference_with_seeded_generator(fn):
    logits = Rand(1).randn(4, 10, scale=1.5)
    return {"tokens": draw(fn, logits, 0.7, gen(11))}


@test
def temperature_divides_logits_before_softmax(fn):
    # The same logits and generator seed at a high and a low temperature: the draws differ unless
    # the temperature reshapes the distribution as softmax(logits / T).
    logits = Rand(2).randn(6, 12, scale=2.0)
    return {
        "tokens at T=2.5": draw(fn, logits.clone(), 2.5, gen(22)),
        "tokens at T=0.3": draw(fn, logits.clone(), 0.3, gen(22)),
    }


def _state_matches(expected, got):
    same(expected["tokens"], got["tokens"], "tokens")
    e, g = expected["generator state after the call"], got["generator state after the call"]
    if not torch.equal(e, g):
        raise Fail(
            "the generator was advanced differently from one torch.multinomial(probs, 1, generator=generator) "
            "call on the whole (B, V) batch: sample exactly once per call, with the generator you are given"
        )


@test(check=_state_matches)
def one_multinomial_draw_per_call(fn):
    logits = Rand(3).randn(3, 9)
    g = gen(33)
    tokens = draw(fn, logits, 1.0, g)
    return {"tokens": tokens, "generator state after the call": g.get_state()}


def _greedy(expected, got):
    same(expected["tokens"], got["tokens"], "tokens")
    if not torch.equal(expected["generator state after the call"], got["generator state after the call"]):
        raise Fail("temperature 0 must not draw from the generator (its state changed)")


@test(check=_greedy)
def temperature_zero_is_greedy_and_draws_nothing(fn):
    logits = Rand(4).randn(5, 8)
    g = gen(44)
    tokens = draw(fn, logits, 0.0, g)
    return {"tokens": tokens, "generator state after the call": g.get_state()}


@test
def greedy_ties_pick_the_first_index(fn):
    # Temperature 0 with tied maxima: argmax takes the first (lowest) index of the tie.
    logits = torch.tensor([
        [1.0, 3.0, 0.5, 3.0, 3.0],
        [2.0, -1.0, 2.0, 0.0, 1.0],
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [-2.0, -3.0, -1.0, -4.0, -1.0],
    ])
    return {"tokens": draw(fn, logits, 0.0, gen(45))}


@test
def tiny_temperature_is_numerically_stable(fn):
    # logits / T reach about 1e3: a softmax without the max subtracted overflows to inf / nan.
    logits = Rand(5).randn(4, 16, scale=8.0)
    return {"tokens": draw(fn, logits, 0.01, gen(55))}


@test
def repeated_steps_reproduce_the_reference(fn):
    # A small decoding loop: every step samples with the same generator; the whole trajectory must match.
    r = Rand(6)
    table = r.randn(7, 7, scale=1.5)
    tokens = r.randint(0, 7, 3)
    g = gen(66)
    steps = []
    for _ in range(8):
        tokens = draw(fn, table[tokens], 0.8, g)
        steps.append(tokens)
    return {"tokens per step": torch.stack(steps, dim=1)}


@test
def logits_are_not_modified(fn):
    logits = Rand(7).randn(3, 6)
    draw(fn, logits, 0.5, gen(77))
    return {"logits after the call": logits}


@test
def negative_temperature_raises_value_error(fn):
    logits = Rand(8).randn(2, 5)
    draw(fn, logits, 1.0, gen(88))  # a valid call first
    return {"temperature=-0.5": raises(ValueError, fn, logits, -0.5, gen(88))}
