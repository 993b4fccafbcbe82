# expect: wrong_answer itc_keeps_queries_and_text_apart
# in ITC the text attended to the queries: the contrastive objective is unimodal, text tokens see only text and queries only queries
import torch


def qformer_attention_masks(num_queries, text_mask):
    text_mask = text_mask.bool()
    b, t = text_mask.shape
    q = num_queries
    n = q + t
    pos = torch.arange(n)
    is_query = pos < q
    keys = torch.cat([torch.ones(b, q, dtype=torch.bool), text_mask], dim=1)[:, None, :]
    itm = torch.ones(n, n, dtype=torch.bool) & keys
    itc = torch.where(is_query[:, None], is_query[None, :].expand(n, n), torch.ones(n, n, dtype=torch.bool)) & keys
    itg = torch.where(is_query[:, None], is_query[None, :], pos[None, :] <= pos[:, None]) & keys
    return itc, itm, itg
