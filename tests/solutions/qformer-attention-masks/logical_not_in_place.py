# expect: wrong_answer text_mask_is_not_modified
# Takes the padding as text_mask.logical_not_(), which flips the caller's mask in place instead of returning a new one.
import torch


def qformer_attention_masks(num_queries, text_mask):
    b, t = text_mask.shape
    q = num_queries
    n = q + t
    padding = text_mask.logical_not_()
    pos = torch.arange(n)
    is_query = pos < q
    keys = ~torch.cat([torch.zeros(b, q, dtype=torch.bool), padding.bool()], dim=1)[:, None, :]
    itc = (is_query[:, None] == is_query[None, :]) & keys
    itm = torch.ones(n, n, dtype=torch.bool) & keys
    itg = torch.where(is_query[:, None], is_query[None, :], pos[None, :] <= pos[:, None]) & keys
    return itc, itm, itg
