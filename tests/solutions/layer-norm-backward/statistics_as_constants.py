# expect: wrong_answer gradients_match_autograd
# Treats the mean and variance as constants: dx = dout * gamma / sqrt(var + eps).
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[-1]
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    rstd = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    dx = dout * gamma * rstd
    return dx, dgamma, dbeta
