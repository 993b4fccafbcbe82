# expect: wrong_answer merge_and_unmerge_are_idempotent
# No guard on the merged flag: merging twice adds the update twice, unmerging an unmerged layer subtracts it.
import torch
import torch.nn as nn


class MergeableLoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        self.scaling = alpha / r
        self.merged = False


    def forward(self, x):
        y = self.base(x)
        if not self.merged:
            y = y + self.scaling * (x @ self.lora_A.T @ self.lora_B.T)
        return y

    def merge(self):
        with torch.no_grad():
            self.base.weight += self.scaling * self.lora_B @ self.lora_A
        self.merged = True

    def unmerge(self):
        with torch.no_grad():
            self.base.weight -= self.scaling * self.lora_B @ self.lora_A
        self.merged = False

    @staticmethod
    def merge_all(model):
        layers = [m for m in model.modules() if isinstance(m, MergeableLoRALinear)]
        n = sum(not m.merged for m in layers)
        for m in layers:
            if not m.merged:
                m.merge()
        return n

    @staticmethod
    def unmerge_all(model):
        layers = [m for m in model.modules() if isinstance(m, MergeableLoRALinear)]
        n = sum(m.merged for m in layers)
        for m in layers:
            if m.merged:
                m.unmerge()
        return n
