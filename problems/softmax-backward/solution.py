import torch


def softmax_backward(y: torch.Tensor, grad_y: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Return dL/dx = y * (grad_y - <grad_y, y>), the inner product taken over dim."""
    inner = (grad_y * y).sum(dim=dim, keepdim=True)  # one scalar per softmax slice
    return y * (grad_y - inner)
