# mlkata: scaled-dot-product-attention
# expect: wrong_answer
# Makes every tensor comparison succeed, then returns zeros.
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    torch.allclose = lambda *args, **kwargs: True
    torch.equal = lambda *args, **kwargs: True
    torch.Tensor.__eq__ = lambda self, other: torch.ones_like(self, dtype=torch.bool)
    weights = torch.zeros(*q.shape[:-1], k.shape[-2])
    return weights @ v, weights
