# expect: passed
# Correct alternative: one signed helper on .data with torch.addmm, F.linear in the forward, named_modules for the model walk.
import torch
import torch.nn as nn
import torch.nn.functional as F


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
        if self.merged:
            return F.linear(x, self.base.weight, self.base.bias)
        return F.linear(x, self.base.weight, self.base.bias) + F.linear(F.linear(x, self.lora_A), self.lora_B) * self.scaling

    def _shift(self, sign):
        w = self.base.weight.data
        w.copy_(torch.addmm(w, self.lora_B.data, self.lora_A.data, alpha=sign * self.scaling))

    def merge(self):
        if not self.merged:
            self._shift(+1.0)
            self.merged = True

    def unmerge(self):
        if self.merged:
            self._shift(-1.0)
            self.merged = False

    @staticmethod
    def _set_all(model, state):
        changed = [m for _, m in model.named_modules() if isinstance(m, MergeableLoRALinear) and m.merged != state]
        for m in changed:
            m.merge() if state else m.unmerge()
        return len(changed)

    @staticmethod
    def merge_all(model):
        return MergeableLoRALinear._set_all(model, True)

    @staticmethod
    def unmerge_all(model):
        return MergeableLoRALinear._set_all(model, False)
