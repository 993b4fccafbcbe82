# expect: forbidden_api gradients_match_autograd
# Lets autograd do the work the problem asks you to derive.
import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    with torch.enable_grad():
        x = x.detach().clone().requires_grad_(True)
        gamma = gamma.detach().clone().requires_grad_(True)
        beta = torch.zeros_like(gamma, requires_grad=True)
        mean = x.mean(dim=-1, keepdim=True)
        var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
        y = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        dx, dgamma, dbeta = torch.autograd.grad(y, (x, gamma, beta), dout)
    return dx, dgamma, dbeta
