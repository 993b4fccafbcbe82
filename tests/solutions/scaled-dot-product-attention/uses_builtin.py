# expect: forbidden_api output_matches_reference
# Calls the library kernel the problem asks you to write.
import torch
import torch.nn.functional as F


def scaled_dot_product_attention(q, k, v, mask=None):
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    return out, None
