import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    """Return (loss, labels): labels = input_ids with prompt and padding set to -100; the loss is
    the mean next-token cross-entropy over the kept labels, logits[:, t] predicting labels[:, t + 1].

    logits: (B, T, V) float32, input_ids: (B, T) int64, prompt_lengths: (B,) int64,
    attention_mask: (B, T) bool or int64 0/1 (right padding).
    """
    raise NotImplementedError
