# expect: passed
# Correct alternative: fills the three masks entry by entry from the rules, in plain Python loops.
import torch


def qformer_attention_masks(num_queries, text_mask):
    b, t = text_mask.shape
    n = num_queries + t
    itc = torch.zeros(b, n, n, dtype=torch.bool)
    itm = torch.zeros(b, n, n, dtype=torch.bool)
    itg = torch.zeros(b, n, n, dtype=torch.bool)
    for batch in range(b):
        for i in range(n):
            for j in range(n):
                if j >= num_queries and not bool(text_mask[batch, j - num_queries]):
                    continue  # a padded text token is never a key
                row_q, col_q = i < num_queries, j < num_queries
                itm[batch, i, j] = True
                itc[batch, i, j] = row_q == col_q
                itg[batch, i, j] = col_q if row_q else (col_q or j <= i)
    return itc.to(text_mask.device), itm.to(text_mask.device), itg.to(text_mask.device)
