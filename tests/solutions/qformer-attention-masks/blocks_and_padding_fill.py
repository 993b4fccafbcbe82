# expect: passed
# Correct alternative: builds the (n, n) patterns from blocks (block_diag, tril) and clears the padded columns with masked_fill.
import torch


def qformer_attention_masks(num_queries, text_mask):
    q, (b, t) = num_queries, text_mask.shape
    n = q + t
    ones_q = torch.ones(q, q, dtype=torch.bool)
    ones_t = torch.ones(t, t, dtype=torch.bool)
    itc_pattern = torch.block_diag(ones_q, ones_t)
    itm_pattern = torch.ones(n, n, dtype=torch.bool)
    itg_pattern = torch.zeros(n, n, dtype=torch.bool)
    itg_pattern[:q, :q] = True
    itg_pattern[q:, :q] = True
    itg_pattern[q:, q:] = torch.tril(ones_t)
    pad_cols = torch.cat([torch.zeros(b, q, dtype=torch.bool), text_mask == 0], dim=1)  # (B, n)
    pad_cols = pad_cols.unsqueeze(1).expand(b, n, n)
    out = []
    for pattern in (itc_pattern, itm_pattern, itg_pattern):
        out.append(pattern.expand(b, n, n).masked_fill(pad_cols, False).to(text_mask.device))
    return tuple(out)
