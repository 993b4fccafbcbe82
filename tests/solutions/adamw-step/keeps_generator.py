# expect: wrong_answer accepts_parameter_generator
# Stores the params iterable as given: a generator (model.parameters()) is exhausted after the first step.
import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.params = params
        self.lr, (self.b1, self.b2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.state = {}

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:
                continue
            s = self.state.setdefault(p, {"t": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            s["t"] += 1
            p.mul_(1 - self.lr * self.wd)
            s["m"].mul_(self.b1).add_((1 - self.b1) * p.grad)
            s["v"].mul_(self.b2).add_((1 - self.b2) * p.grad**2)
            m_hat = s["m"] / (1 - self.b1 ** s["t"])
            v_hat = s["v"] / (1 - self.b2 ** s["t"])
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))
