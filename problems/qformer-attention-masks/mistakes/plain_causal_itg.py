# mistake: the ITG mask was lower-triangular over the whole sequence, so query i only saw queries j <= i: in ITG the queries attend to each other bidirectionally, only the text is causal
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
    itg = (pos[None, :] <= pos[:, None]) & keys
    return itc, itm, itg
