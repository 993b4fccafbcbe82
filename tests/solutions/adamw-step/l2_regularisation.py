# expect: wrong_answer weight_decay_is_decoupled
# Adds weight_decay * p to the gradient (Adam + L2) instead of decaying the weights directly.
import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.params = list(params)
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
            g = p.grad + self.wd * p
            s["m"].mul_(self.b1).add_((1 - self.b1) * g)
            s["v"].mul_(self.b2).add_((1 - self.b2) * g**2)
            m_hat = s["m"] / (1 - self.b1 ** s["t"])
            v_hat = s["v"] / (1 - self.b2 ** s["t"])
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))
