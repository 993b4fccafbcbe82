# expect: wrong_answer itg_text_sees_all_queries_and_earlier_text
# in ITG the text rows did not attend to the queries: text token i sees all queries (the image) and the text tokens j <= i
import torch


def qformer_attention_masks(num_queries, text_mask):
    text_mask = text_mask.bool()
    b, t = text_mask.shape
    q = num_queries
    n = q + t
    pos = torch.arange(n)
    is_query = pos < q
    keys = torch.cat([torch.ones(b, q, dtype=torch.bool), text_mask], dim=1)[:, None, :]
    itc = (is_query[:, None] == is_query[None, :]) & keys
    itm = torch.ones(n, n, dtype=torch.bool) & keys
    text_causal = (pos[None, :] <= pos[:, None]) & ~is_query[None, :]
    itg = torch.where(is_query[:, None], is_query[None, :], text_causal) & keys
    return itc, itm, itg
