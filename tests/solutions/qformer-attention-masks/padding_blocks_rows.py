# expect: wrong_answer padded_text_is_never_attended_to
# padding was applied to the rows (the padded token attends to nothing) instead of the columns: no position may attend to a padded token
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
    rows = keys.transpose(1, 2)
    itc = (is_query[:, None] == is_query[None, :]) & rows
    itm = torch.ones(n, n, dtype=torch.bool) & rows
    itg = torch.where(is_query[:, None], is_query[None, :], pos[None, :] <= pos[:, None]) & rows
    return itc, itm, itg
