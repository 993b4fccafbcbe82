# expect: wrong_answer step_leaves_grads_unchanged
# Zeroes each gradient in place at the end of step() (zero_grad folded into step): the caller's p.grad is gone.
import torch


class AdamW:
    """AdamW with decoupled weight decay (same updates as torch.optim.AdamW)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.params = list(params)  # a generator can be iterated only once
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.state = [{"t": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)} for p in self.params]

    @torch.no_grad()
    def step(self):
        for p, s in zip(self.params, self.state):
            if p.grad is None:
                continue
            g = p.grad
            s["t"] += 1
            t = s["t"]
            p.mul_(1 - self.lr * self.weight_decay)                       # decoupled weight decay
            s["m"].mul_(self.beta1).add_((1 - self.beta1) * g)
            s["v"].mul_(self.beta2).add_((1 - self.beta2) * g * g)
            m_hat = s["m"] / (1 - self.beta1**t)
            v_hat = s["v"] / (1 - self.beta2**t)
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))
            p.grad.zero_()

    def zero_grad(self):
        for p in self.params:
            p.grad = None
