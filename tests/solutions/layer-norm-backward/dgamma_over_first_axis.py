# expect: wrong_answer extra_leading_dimensions
# Sums dgamma and dbeta over dim 0 only: right for 2-D inputs, wrong shape with more leading dims (and for 1-D x).
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    rstd = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.sum(dim=0)
    dgamma = (dout * x_hat).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
