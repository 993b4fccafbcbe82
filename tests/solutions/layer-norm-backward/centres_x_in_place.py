# expect: wrong_answer inputs_unchanged
# Centres x in place to save memory: the caller's x is overwritten.
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[-1]
    x -= x.mean(dim=-1, keepdim=True)
    var = (x**2).mean(dim=-1, keepdim=True)
    rstd = 1.0 / torch.sqrt(var + eps)
    x_hat = x * rstd
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
