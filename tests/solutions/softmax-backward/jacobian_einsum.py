# expect: memory_limit no_jacobian_on_wide_rows
# Builds the full Jacobian diag(y) - y y^T per slice and multiplies: right values, O(n^2) memory.
import torch


def softmax_backward(y, grad_y, dim=-1):
    y_m = y.movedim(dim, -1)
    g_m = grad_y.movedim(dim, -1)
    jac = torch.diag_embed(y_m) - y_m.unsqueeze(-1) * y_m.unsqueeze(-2)
    out = (jac @ g_m.unsqueeze(-1)).squeeze(-1)
    return out.movedim(-1, dim)
