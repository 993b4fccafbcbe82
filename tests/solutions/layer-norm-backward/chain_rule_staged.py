# expect: passed
# Correct alternative: the staged chain rule of CS231n (dx_hat -> dvar -> dmean -> dx), flattened to (N, D).
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    shape = x.shape
    d = shape[-1]
    x2 = x.reshape(-1, d)
    g2 = dout.reshape(-1, d)
    mu = x2.sum(1, keepdim=True) / d
    xc = x2 - mu
    var = (xc * xc).sum(1, keepdim=True) / d
    inv = (var + eps).rsqrt()
    x_hat = xc * inv

    dbeta = g2.sum(0)
    dgamma = (g2 * x_hat).sum(0)
    dx_hat = g2 * gamma
    dvar = (dx_hat * xc).sum(1, keepdim=True) * -0.5 * inv**3
    dmu = -(dx_hat * inv).sum(1, keepdim=True) + dvar * (-2.0 / d) * xc.sum(1, keepdim=True)
    dx = dx_hat * inv + dvar * 2.0 * xc / d + dmu / d
    return dx.reshape(shape), dgamma, dbeta
