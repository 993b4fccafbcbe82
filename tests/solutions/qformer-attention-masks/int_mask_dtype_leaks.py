# expect: wrong_answer integer_text_mask
# Multiplies 0/1 patterns with the text mask: right values, but the masks come back int64 for an int64 text_mask instead of bool.
import torch


def qformer_attention_masks(num_queries, text_mask):
    b, t = text_mask.shape
    q = num_queries
    n = q + t
    pos = torch.arange(n)
    is_query = pos < q
    keys = torch.cat([torch.ones(b, q, dtype=text_mask.dtype), text_mask], dim=1)[:, None, :]
    itc = (is_query[:, None] == is_query[None, :]) * keys
    itm = torch.ones(n, n, dtype=torch.bool) * keys
    itg = torch.where(is_query[:, None], is_query[None, :], pos[None, :] <= pos[:, None]) * keys
    return itc, itm, itg
