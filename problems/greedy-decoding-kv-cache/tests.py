"""Hidden tests for greedy-decoding-kv-cache."""

import math

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, fmt_shape, same, tensor, test

VOCAB = 11
MAX_POSITIONS = 48


class TinyLM:
    """A one-layer, one-head causal attention language model with a KV cache.

    model(input_ids, past) -> (logits, past): input_ids (B, T) are the new tokens, past is None or
    what the previous call returned; logits (B, T, VOCAB). It records every call as
    (tokens fed, length of the past it was given).
    """

    def __init__(self, seed, d=8):
        r = Rand(seed)
        self.d = d
        self.emb = r.randn(VOCAB, d)
        self.pos = r.randn(MAX_POSITIONS, d, scale=0.5)
        self.wq, self.wk, self.wv = (r.randn(d, d, scale=d**-0.5) for _ in range(3))
        self.out = r.randn(d, VOCAB, scale=2.0)
        self.calls = []

    def __call__(self, input_ids, past=None):
        if not torch.is_tensor(input_ids) or input_ids.dim() != 2 or input_ids.is_floating_point():
            raise WrongAnswer(f"the model takes integer input_ids of shape (B, T); it got {_what(input_ids)}")
        b, t = input_ids.shape
        if t == 0:
            raise WrongAnswer("the model was called with zero new tokens")
        if past is None:
            t0 = 0
        else:
            if not (isinstance(past, tuple) and len(past) == 2 and all(torch.is_tensor(p) for p in past)):
                raise WrongAnswer(f"past must be what the model returned (a tuple of 2 tensors); it got {_what(past)}")
            t0 = past[0].shape[1]
            if past[0].shape[0] != b:
                raise WrongAnswer(f"input_ids has batch size {b} but the past has batch size {past[0].shape[0]}")
        if t0 + t > MAX_POSITIONS:
            raise WrongAnswer(
                f"the model was asked for positions up to {t0 + t}, more than its {MAX_POSITIONS}: "
                "tokens already in the cache were fed again"
            )
        if int(input_ids.min()) < 0 or int(input_ids.max()) >= VOCAB:
            raise WrongAnswer(f"token ids must be in [0, {VOCAB}); the model got {input_ids.tolist()}")
        self.calls.append((t, t0))
        x = self.emb[input_ids] + self.pos[t0 : t0 + t]
        q, k, v = x @ self.wq, x @ self.wk, x @ self.wv
        if past is not None:
            k = torch.cat([past[0], k], dim=1)
            v = torch.cat([past[1], v], dim=1)
        scores = q @ k.transpose(1, 2) / math.sqrt(self.d)
        causal = torch.ones(t, t0 + t, dtype=torch.bool).tril(t0)
        scores = scores.masked_fill(~causal, float("-inf"))
        h = torch.softmax(scores, dim=-1) @ v + x
        return h @ self.out, (k, v)


def _what(x):
    if torch.is_tensor(x):
        return f"a tensor of shape {fmt_shape(x.shape)} ({str(x.dtype).replace('torch.', '')})"
    return f"a {type(x).__name__}"


def decode(fn, model, input_ids, max_new_tokens, **kwargs):
    out = fn(model, input_ids.clone(), max_new_tokens, **kwargs)
    return tensor(out, "greedy_decode(...)")


def prompts(seed, b, p):
    return Rand(seed).randint(0, VOCAB, b, p)


@test
def single_sequence_matches_reference(fn):
    model = TinyLM(2)
    return {"out": decode(fn, model, prompts(102, 1, 4), 7)}


@test
def batch_matches_reference(fn):
    # 4 prompts of 3 tokens, no eos: every row runs for max_new_tokens.
    model = TinyLM(1)
    return {"out": decode(fn, model, prompts(101, 4, 3), 6)}


def _cache_used(expected, got):
    e, g = expected["calls"], got["calls"]
    if g != e:
        shown = ", ".join(f"({t} new, past {t0})" for t, t0 in g[:6]) + (", ..." if len(g) > 6 else "")
        want = ", ".join(f"({t} new, past {t0})" for t, t0 in e[:6]) + (", ..." if len(e) > 6 else "")
        raise Fail(
            f"model calls: expected {len(e)} calls: the prompt once, then only the newest token with the "
            f"returned past [{want}]; got {len(g)} calls [{shown}]"
        )
    same(expected["out"], got["out"], "out")


@test(check=_cache_used)
def cache_is_used_one_new_token_per_call(fn):
    model = TinyLM(4)
    out = decode(fn, model, prompts(104, 2, 5), 6)
    return {"out": out, "calls": [list(c) for c in model.calls]}


@test
def eos_ends_a_single_sequence(fn):
    # This prompt generates the eos token (3) as its 7th new token, before max_new_tokens=10.
    model = TinyLM(2)
    return {"out": decode(fn, model, prompts(102, 1, 4), 10, eos_token_id=3)}


@test
def finished_rows_are_padded_while_others_continue(fn):
    # eos = 0: row 2 produces it as its 2nd new token, row 0 as its 3rd, row 3 as its 7th, row 1
    # not within max_new_tokens=8. pad = 6, a token the finished rows would not have generated.
    model = TinyLM(3)
    out = decode(fn, model, prompts(103, 4, 3), 8, eos_token_id=0, pad_token_id=6)
    return {"out": out}


@test
def stops_when_every_row_has_finished(fn):
    # eos = 0: the rows produce it as their 3rd, 9th and 2nd new tokens; max_new_tokens=12, so the
    # output must stop after the 9th new token.
    model = TinyLM(3)
    out = decode(fn, model, prompts(103, 3, 3), 12, eos_token_id=0, pad_token_id=8)
    return {"out": out}


@test
def zero_new_tokens_returns_the_prompt(fn):
    model = TinyLM(5)
    ids = prompts(105, 3, 4)
    out = decode(fn, model, ids, 0, eos_token_id=3)
    return {"out": out, "model calls": len(model.calls)}



@test
def eos_in_the_prompt_does_not_count(fn):
    # eos = 0 sits inside both prompts; only generated eos tokens finish a row, so both rows run
    # on (row 0 finishes at its 3rd new token, row 1 never within max_new_tokens=8).
    model = TinyLM(3)
    ids = prompts(103, 2, 3)
    ids[:, 1] = 0
    out = decode(fn, model, ids, 8, eos_token_id=0, pad_token_id=6)
    return {"out": out}


@test(check=_cache_used)
def no_model_call_after_every_row_has_finished(fn):
    # The row produces eos (0) as its 3rd new token, well before max_new_tokens=12: the logits of a
    # further call would never be used, so there is none (3 calls in all).
    model = TinyLM(3)
    out = decode(fn, model, prompts(103, 1, 3), 12, eos_token_id=0, pad_token_id=8)
    return {"out": out, "calls": [list(c) for c in model.calls]}


class StrictCacheLM(TinyLM):
    """TinyLM that also checks each past it is given is the very object it returned last, unchanged."""

    def __call__(self, input_ids, past=None):
        if past is not None:
            if past is not getattr(self, "returned", None):
                raise WrongAnswer(
                    "the model was given a past that is not the object its previous call returned: "
                    "treat past as opaque (do not copy, slice, detach or rebuild it)"
                )
            if any(not torch.equal(p, s) for p, s in zip(past, self.snapshot)):
                raise WrongAnswer("the past returned by the previous model call was modified in place")
        logits, new_past = super().__call__(input_ids, past)
        self.returned, self.snapshot = new_past, tuple(p.clone() for p in new_past)
        return logits, new_past


@test
def past_is_passed_back_as_returned(fn):
    model = StrictCacheLM(4)
    return {"out": decode(fn, model, prompts(104, 2, 5), 5)}


@test
def zero_new_tokens_returns_a_copy(fn):
    # "A new tensor": writing into the result must not change the caller's prompts.
    model = TinyLM(5)
    ids = prompts(105, 3, 4)
    out = fn(model, ids, 0)
    tensor(out, "greedy_decode(...)")
    return {"the result shares memory with input_ids": out.data_ptr() == ids.data_ptr()}


@test
def pad_token_defaults_to_zero(fn):
    # eos = 10 and no pad_token_id given: rows 1 and 2 finish at their 2nd new token and are
    # padded with the default pad_token_id = 0 (not with eos) while row 0 runs to 8 tokens.
    model = TinyLM(2)
    return {"out": decode(fn, model, prompts(102, 3, 3), 8, eos_token_id=10)}
