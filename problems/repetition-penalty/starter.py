import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    """Penalise, in each row, the tokens that already appear in that row's input_ids.

    logits: (B, V) float32. input_ids: (B, T) int64, the tokens generated so far (prompt included).
    For every distinct token id in input_ids[b]: logits[b, id] / penalty if it is positive,
    logits[b, id] * penalty otherwise, applied once even if the id repeats.
    Returns a new tensor; logits is not modified. penalty <= 0 raises ValueError.
    """
    raise NotImplementedError
