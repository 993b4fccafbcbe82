import torch
import torch.nn as nn


class MergeableLoRALinear(nn.Module):
    """A frozen nn.Linear plus a LoRA update scaling * B @ A that can be merged into it."""

    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        self.scaling = alpha / r
        self.merged = False

    def delta_weight(self):
        return self.scaling * (self.lora_B @ self.lora_A)  # (out, in), like base.weight

    def forward(self, x):
        out = self.base(x)
        if not self.merged:  # once merged, the update already lives in base.weight
            out = out + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling
        return out

    @torch.no_grad()
    def merge(self):
        if self.merged:
            return
        self.base.weight.add_(self.delta_weight())  # in place: same Parameter, still frozen
        self.merged = True

    @torch.no_grad()
    def unmerge(self):
        if not self.merged:
            return
        self.base.weight.sub_(self.delta_weight())
        self.merged = False

    @staticmethod
    def merge_all(model):
        count = 0
        for module in model.modules():  # every depth, model itself included
            if isinstance(module, MergeableLoRALinear) and not module.merged:
                module.merge()
                count += 1
        return count

    @staticmethod
    def unmerge_all(model):
        count = 0
        for module in model.modules():
            if isinstance(module, MergeableLoRALinear) and module.merged:
                module.unmerge()
                count += 1
        return count
