# expect: passed
# Correct alternative: torch's formulation, step size lr / bc1 and denominator sqrt(v) / sqrt(bc2) + eps, with addcdiv_.
import math

import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.params = [p for p in params]
        self.defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        self.state = {}

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self):
        lr, (b1, b2) = self.defaults["lr"], self.defaults["betas"]
        eps, wd = self.defaults["eps"], self.defaults["weight_decay"]
        for p in self.params:
            if p.grad is None:
                continue
            st = self.state.get(id(p))
            if st is None:
                st = self.state[id(p)] = {"step": 0, "exp_avg": torch.zeros_like(p.data), "exp_avg_sq": torch.zeros_like(p.data)}
            st["step"] += 1
            g = p.grad.data
            p.data.mul_(1 - lr * wd)
            st["exp_avg"].lerp_(g, 1 - b1)
            st["exp_avg_sq"].mul_(b2).addcmul_(g, g, value=1 - b2)
            bc1 = 1 - b1 ** st["step"]
            bc2 = 1 - b2 ** st["step"]
            denom = st["exp_avg_sq"].sqrt() / math.sqrt(bc2) + eps
            p.data.addcdiv_(st["exp_avg"], denom, value=-lr / bc1)
