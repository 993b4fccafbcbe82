import torch


def qformer_attention_masks(num_queries, text_mask):
    """Return (itc, itm, itg): bool (B, Q + T, Q + T) masks over [queries; text], True = may attend.

    ITC: queries <-> queries, text <-> text. ITM: everyone <-> everyone. ITG: queries <-> queries
    only; text i -> all queries and text j <= i. Padded text tokens (text_mask False/0) are never attended to.
    """
    raise NotImplementedError
