# expect: wrong_answer outputs_keep_input_dtype
# Computes everything in float32 "for speed": float64 inputs come back as float32.
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    dout, x, gamma = dout.float(), x.float(), gamma.float()
    d = x.shape[-1]
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    rstd = torch.rsqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
