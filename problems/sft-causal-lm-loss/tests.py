"""Hidden tests for sft-causal-lm-loss."""

import torch

from mlkata.judge.api import Rand, backward, tensor, test, unpack

CALL = "sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask)"
PAD = 0  # the padding id; 0 is also an ordinary token that real positions can hold


def batch(seed, prompts, lengths, t, v=11, scale=1.0):
    """logits (B, T, V), input_ids, prompt_lengths, attention_mask (bool) for rows of the given
    prompt lengths and real lengths (the rest of each row is right padding)."""
    r = Rand(seed)
    b = len(prompts)
    logits = r.randn(b, t, v, scale=scale)
    input_ids = r.randint(0, v, b, t)
    attention_mask = torch.arange(t)[None, :] < torch.tensor(lengths)[:, None]
    input_ids[~attention_mask] = PAD
    return logits, input_ids, torch.tensor(prompts), attention_mask


def run(fn, logits, input_ids, prompt_lengths, attention_mask):
    loss, labels = unpack(fn(logits, input_ids, prompt_lengths, attention_mask), 2, CALL)
    return tensor(loss, "loss"), tensor(labels, "labels")


@test
def labels_mask_prompt_and_padding(fn):
    # Prompt lengths 2, 1, 4 and real lengths 6, 4, 7 of T = 7.
    logits, input_ids, prompts, mask = batch(1, [2, 1, 4], [6, 4, 7], 7)
    _, labels = run(fn, logits, input_ids, prompts, mask)
    return {"labels": labels}


@test
def loss_matches_reference(fn):
    logits, input_ids, prompts, mask = batch(2, [3, 1, 2], [7, 5, 8], 8, v=13)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss}


@test
def no_prompt_or_padding_is_plain_causal_lm_loss(fn):
    # prompt_lengths = 1 (only the first token, which nothing predicts) and no padding:
    # only the shift is left to get right.
    logits, input_ids, prompts, mask = batch(3, [1, 1], [6, 6], 6, v=9)
    loss, labels = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss, "labels": labels}


@test
def prompt_tokens_are_not_trained(fn):
    # Long prompts, no padding: only the response tokens count.
    logits, input_ids, prompts, mask = batch(4, [5, 3], [8, 8], 8, v=7)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss}


@test
def padding_tokens_are_not_trained(fn):
    # prompt_lengths = 1, heavy right padding: only the padding has to be dropped.
    logits, input_ids, prompts, mask = batch(5, [1, 1, 1], [3, 7, 2], 7, v=7)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss}


@test
def mean_over_kept_tokens_of_the_batch(fn):
    # 6 kept tokens in row 0, 1 in row 1: a per-row mean then a batch mean weighs them 1:1.
    logits, input_ids, prompts, mask = batch(6, [1, 4], [7, 5], 7, v=8)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss}


@test
def row_without_kept_tokens(fn):
    # Row 1 has an empty response (prompt_lengths == L), row 2 is all prompt (prompt_lengths == T).
    logits, input_ids, prompts, mask = batch(7, [2, 4, 6], [6, 4, 6], 6, v=9)
    loss, labels = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss, "labels": labels}


@test
def attention_mask_as_integers(fn):
    # The tokenizer's 0/1 int64 mask: ~mask on it is bitwise (-1 and -2), not a logical not.
    logits, input_ids, prompts, mask = batch(8, [2, 3], [5, 7], 7, v=10)
    loss, labels = run(fn, logits, input_ids, prompts, mask.long())
    return {"loss": loss, "labels": labels}


@test
def large_logits_are_stable(fn):
    # Logits ~ 300: softmax underflows to exactly 0 for most tokens, so log(softmax) is -inf.
    logits, input_ids, prompts, mask = batch(9, [2, 1], [6, 5], 6, v=8, scale=300.0)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    return {"loss": loss}


@test
def gradients_match_reference(fn):
    # Positions predicting a prompt token, padding or nothing (the last one) get zero gradient.
    logits, input_ids, prompts, mask = batch(10, [3, 2], [7, 5], 7, v=6)
    logits.requires_grad_(True)
    loss, _ = run(fn, logits, input_ids, prompts, mask)
    backward(loss, seed=101, what="loss")
    return {"logits.grad": logits.grad}


@test
def inputs_are_not_modified(fn):
    logits, input_ids, prompts, mask = batch(11, [2, 3], [6, 4], 6, v=7)
    before = {"logits": logits.clone(), "input_ids": input_ids.clone(), "prompt_lengths": prompts.clone(), "attention_mask": mask.clone()}
    loss, labels = run(fn, logits, input_ids, prompts, mask)
    after = {"logits": logits, "input_ids": input_ids, "prompt_lengths": prompts, "attention_mask": mask}
    return {
        **{f"{k} after the call": v for k, v in after.items()},
        **{f"{k} before the call (unchanged)": v for k, v in before.items()},
        "loss": loss,
        "labels": labels,
    }


@test
def single_row_and_shortest_sequences(fn):
    # B = 1, and T = 2 (a single prediction: logits[0, 0] scores token 1), the smallest inputs.
    logits, input_ids, prompts, mask = batch(12, [1], [3], 3, v=5)
    short_logits, short_ids, short_prompts, short_mask = batch(13, [1, 1], [2, 2], 2, v=5)
    loss, labels = run(fn, logits, input_ids, prompts, mask)
    short_loss, short_labels = run(fn, short_logits, short_ids, short_prompts, short_mask)
    return {"loss (B = 1)": loss, "labels (B = 1)": labels, "loss (T = 2)": short_loss, "labels (T = 2)": short_labels}
