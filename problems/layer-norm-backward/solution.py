import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    """Return (dx, dgamma, dbeta) for LayerNorm over the last dimension, computed by hand."""
    d = x.shape[-1]
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # biased, as in the forward pass
    rstd = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mean) * rstd

    # gamma and beta are shared by every row: sum their gradients over all leading positions.
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)

    # Through x_hat: dx = rstd * (g - mean(g) - x_hat * mean(g * x_hat)), with g = dL/dx_hat.
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
