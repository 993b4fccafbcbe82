import torch
import torch.nn as nn


class MergeableLoRALinear(nn.Module):
    """A frozen nn.Linear plus a LoRA update scaling * B @ A that can be merged into it."""

    def __init__(self, base: nn.Linear, r: int, alpha: float):
        # Given: keep this structure (the tests use these names).
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        self.scaling = alpha / r
        self.merged = False

    def forward(self, x):
        """base(x) + scaling * x @ A.T @ B.T when unmerged; base(x) when merged."""
        raise NotImplementedError

    def merge(self):
        """base.weight += scaling * B @ A in place (same Parameter object); merged = True. No-op if merged."""
        raise NotImplementedError

    def unmerge(self):
        """base.weight -= scaling * B @ A in place; merged = False. No-op if not merged."""
        raise NotImplementedError

    @staticmethod
    def merge_all(model):
        """merge() every MergeableLoRALinear in model (any depth); return how many changed state."""
        raise NotImplementedError

    @staticmethod
    def unmerge_all(model):
        """unmerge() every MergeableLoRALinear in model (any depth); return how many changed state."""
        raise NotImplementedError
