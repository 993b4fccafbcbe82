# expect: wrong_answer itg_text_sees_all_queries_and_earlier_text
# in ITG the text tokens did not attend to themselves: the causal rule is j <= i, the diagonal included
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
    itg = torch.where(is_query[:, None], is_query[None, :], pos[None, :] < pos[:, None]) & keys
    return itc, itm, itg
