# expect: wrong_answer dx_matches_reference
# Divides by std + eps instead of sqrt(var + eps): invisible until the variance is small next to eps.
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[-1]
    mean = x.mean(dim=-1, keepdim=True)
    std = ((x - mean) ** 2).mean(dim=-1, keepdim=True).sqrt()
    rstd = 1.0 / (std + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
