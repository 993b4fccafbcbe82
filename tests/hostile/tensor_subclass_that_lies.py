# mlkata: scaled-dot-product-attention
# expect: wrong_answer
# Returns a tensor subclass whose comparisons always say equal.
import torch


class Liar(torch.Tensor):
    def __eq__(self, other):
        return True

    def allclose(self, *args, **kwargs):
        return True


def scaled_dot_product_attention(q, k, v, mask=None):
    weights = torch.zeros(*q.shape[:-1], k.shape[-2])
    return (weights @ v).as_subclass(Liar), weights.as_subclass(Liar)
