# expect: wrong_answer merge_keeps_parameter_object_and_freeze
# Replaces base.weight with a new nn.Parameter: a different object, and it requires grad again.
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
        if self.merged:
            return
        delta = (self.scaling * self.lora_B @ self.lora_A).detach()
        self.base.weight = nn.Parameter(self.base.weight.detach() + delta)
        self.merged = True

    def unmerge(self):
        if not self.merged:
            return
        delta = (self.scaling * self.lora_B @ self.lora_A).detach()
        self.base.weight = nn.Parameter(self.base.weight.detach() - delta)
        self.merged = False

    @staticmethod
    def merge_all(model):
        n = 0
        for m in model.modules():
            if isinstance(m, MergeableLoRALinear) and not m.merged:
                m.merge()
                n += 1
        return n

    @staticmethod
    def unmerge_all(model):
        n = 0
        for m in model.modules():
            if isinstance(m, MergeableLoRALinear) and m.merged:
                m.unmerge()
                n += 1
        return n

