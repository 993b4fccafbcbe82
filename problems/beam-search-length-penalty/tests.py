"""Hidden tests for beam-search-length-penalty."""

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, fmt_shape, same, test

BOS, EOS, VOCAB = 0, 1, 8


class ToyLM:
    """step_fn(prefixes (N, t) int64) -> next-token log-probs (N, VOCAB) float32.

    Deterministic in the prefix: a decayed bag of token embeddings, a per-position bias, and an eos
    logit that grows with the length (eos_rate) so hypotheses finish at different lengths.
    """

    def __init__(self, seed, eos_rate=0.6, eos_base=-2.0, beam_width=None):
        r = Rand(seed)
        self.emb = r.randn(VOCAB, 6)
        self.out = r.randn(6, VOCAB, scale=1.2)
        self.pos = r.randn(16, VOCAB, scale=0.5)
        self.eos_rate, self.eos_base = eos_rate, eos_base
        self.beam_width = beam_width
        self.calls = 0

    def __call__(self, prefixes):
        if not torch.is_tensor(prefixes) or prefixes.dim() != 2 or prefixes.is_floating_point():
            what = f"a tensor of shape {fmt_shape(prefixes.shape)}" if torch.is_tensor(prefixes) else f"a {type(prefixes).__name__}"
            raise WrongAnswer(f"step_fn takes an int64 tensor of prefixes (N, t); it got {what}")
        n, t = prefixes.shape
        if t == 0 or bool((prefixes[:, 0] != BOS).any()):
            raise WrongAnswer(f"every prefix given to step_fn must start with bos ({BOS}); got {prefixes.tolist()}")
        if t > 1 and bool((prefixes[:, 1:] == EOS).any()):
            raise WrongAnswer(f"step_fn was asked to extend a hypothesis that already ended with eos: {prefixes.tolist()}")
        if self.beam_width is not None and n > self.beam_width:
            raise WrongAnswer(f"step_fn got {n} prefixes at once, more than beam_width={self.beam_width}")
        self.calls += 1
        ages = torch.arange(t - 1, -1, -1, dtype=torch.float32)
        h = (self.emb[prefixes] * (0.6**ages)[None, :, None]).sum(1)
        logits = torch.tanh(h) @ self.out + self.pos[t - 1]
        logits[:, BOS] = -8.0  # bos is never generated
        logits[:, EOS] = self.eos_base + self.eos_rate * t
        return torch.log_softmax(logits, dim=-1)


def search(fn, lm, beam_width, max_len, alpha):
    result = fn(lm, BOS, EOS, beam_width, max_len, alpha=alpha)
    where = f"beam_search(..., beam_width={beam_width}, max_len={max_len}, alpha={alpha})"
    if not isinstance(result, (list, tuple)):
        raise WrongAnswer(f"{where} should return a list of (tokens, score) pairs, got a {type(result).__name__}")
    out = []
    for i, item in enumerate(result):
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise WrongAnswer(f"{where}: item {i} should be a (tokens, score) pair")
        tokens, score = item
        if torch.is_tensor(tokens):
            tokens = tokens.tolist()
        if torch.is_tensor(score) and score.numel() == 1:
            raise WrongAnswer(f"{where}: item {i}'s score is a tensor; return a Python float (.item())")
        out.append([list(tokens) if isinstance(tokens, (list, tuple)) else tokens, score])
    return out


def _sequences(expected, got, key="hypotheses"):
    e = [h[0] for h in expected[key]]
    g = [h[0] if isinstance(h, (list, tuple)) and h else h for h in got[key]]
    if g != e:
        raise Fail(f"{key}: expected the sequences {e} (best first), got {g}")


def _same_hypotheses(expected, got):
    _sequences(expected, got)
    same(expected, got)


@test(check=_same_hypotheses)
def beam_width_one_is_greedy(fn):
    lm = ToyLM(2, eos_rate=0.6, eos_base=-2.0, beam_width=1)
    return {"hypotheses": search(fn, lm, 1, 6, 0.0)}


def _distinct(expected, got):
    seqs = [tuple(h[0]) if isinstance(h, (list, tuple)) and h else h for h in got["hypotheses"]]
    dup = next((s for s in seqs if seqs.count(s) > 1), None)
    if dup is not None:
        raise Fail(
            f"the hypothesis {list(dup)} is returned {seqs.count(dup)} times: the search must start from a "
            "single beam [bos], not beam_width copies of it"
        )
    _same_hypotheses(expected, got)


@test(check=_distinct)
def hypotheses_are_distinct(fn):
    lm = ToyLM(6, eos_rate=1.0, eos_base=-2.0, beam_width=4)
    return {"hypotheses": search(fn, lm, 4, 5, 0.0)}


@test(check=_same_hypotheses)
def search_matches_reference_without_penalty(fn):
    lm = ToyLM(2, eos_rate=0.6, eos_base=-1.0, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 7, 0.0)}


@test(check=_same_hypotheses)
def scores_divided_by_length_power(fn):
    # alpha = 1: score = sum of log-probs / number of generated tokens (eos included, bos not).
    lm = ToyLM(20, eos_rate=0.6, eos_base=-3.0, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 7, 1.0)}


@test(check=_same_hypotheses)
def ranked_by_penalised_score(fn):
    # alpha = 1.5: the order of the hypotheses by penalised score differs from their order by raw sum.
    lm = ToyLM(20, eos_rate=1.0, eos_base=-2.0, beam_width=4)
    return {"hypotheses": search(fn, lm, 4, 8, 1.5)}


@test(check=_same_hypotheses)
def live_beams_returned_at_max_len(fn):
    # eos stays unlikely: nothing finishes within max_len=4, so the 3 live beams are the hypotheses.
    lm = ToyLM(1, eos_rate=0.3, eos_base=-3.0, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 4, 0.5)}


@test(check=_same_hypotheses)
def stops_once_beam_width_hypotheses_finished(fn):
    # 3 hypotheses finish before max_len=8: the search ends there, even though longer hypotheses
    # found later would score better under alpha = 1.
    lm = ToyLM(3, eos_rate=0.6, eos_base=-1.0, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 8, 1.0)}


@test(check=_same_hypotheses)
def only_top_ranked_eos_finishes(fn):
    # At some steps an eos candidate ranks below the top beam_width candidates of the step: it is
    # dropped, not added to the finished hypotheses.
    lm = ToyLM(20, eos_rate=0.6, eos_base=-2.0, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 8, 1.0)}


def _one_call_per_step(expected, got):
    _sequences(expected, got)
    same(expected["hypotheses"], got["hypotheses"], "hypotheses")
    if got["step_fn calls"] != expected["step_fn calls"]:
        raise Fail(
            f"step_fn was called {got['step_fn calls']} times over a search of {expected['step_fn calls']} steps: "
            "call it once per step, on all live hypotheses at once"
        )


@test(check=_one_call_per_step)
def step_fn_called_once_per_step(fn):
    lm = ToyLM(20, eos_rate=0.6, eos_base=-2.0, beam_width=3)
    hypotheses = search(fn, lm, 3, 8, 1.0)
    return {"hypotheses": hypotheses, "step_fn calls": lm.calls}


@test(check=_same_hypotheses)
def widest_beam_width_is_vocab_minus_one(fn):
    # beam_width = V - 1, its largest allowed value: the first step has only V candidates.
    lm = ToyLM(6, eos_rate=0.6, eos_base=-2.0, beam_width=VOCAB - 1)
    return {"hypotheses": search(fn, lm, VOCAB - 1, 4, 1.0)}


@test(check=_same_hypotheses)
def max_len_one_is_a_single_step(fn):
    # max_len = 1, its smallest allowed value: one step, then the live hypotheses are returned too.
    lm = ToyLM(3, eos_rate=0.6, eos_base=0.5, beam_width=3)
    return {"hypotheses": search(fn, lm, 3, 1, 0.5)}


@test(check=_same_hypotheses)
def eos_ranked_exactly_beam_width_is_dropped(fn):
    # An eos candidate at rank beam_width (0-based), just past the top beam_width, is dropped: rank < beam_width.
    lm = ToyLM(2, eos_rate=1.0, eos_base=-2.0, beam_width=2)
    return {"hypotheses": search(fn, lm, 2, 6, 1.0)}


@test(check=_same_hypotheses)
def alpha_defaults_to_one(fn):
    # beam_search(step_fn, bos, eos, beam_width, max_len) without alpha: alpha = 1.0.
    lm = ToyLM(20, eos_rate=0.6, eos_base=-3.0, beam_width=3)

    def without_alpha(step_fn, bos, eos, beam_width, max_len, alpha):
        return fn(step_fn, bos, eos, beam_width, max_len)

    return {"hypotheses": search(without_alpha, lm, 3, 7, "default")}
