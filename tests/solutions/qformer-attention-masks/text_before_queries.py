# expect: wrong_answer itc_keeps_queries_and_text_apart
# Lays the sequence out as [text; queries]: the statement puts the queries first.
import torch


def qformer_attention_masks(num_queries, text_mask):
    text_mask = text_mask.bool()
    b, t = text_mask.shape
    n = num_queries + t
    pos = torch.arange(n)
    is_text = pos < t
    keys = torch.cat([text_mask, torch.ones(b, num_queries, dtype=torch.bool)], dim=1)[:, None, :]
    itc = (is_text[:, None] == is_text[None, :]) & keys
    itm = torch.ones(n, n, dtype=torch.bool) & keys
    text_causal = (pos[None, :] <= pos[:, None]) | ~is_text[None, :]
    itg = torch.where(is_text[:, None], text_causal, ~is_text[None, :]) & keys
    return itc, itm, itg
