# expect: forbidden_api single_step_matches_reference
# Wraps torch.optim.AdamW instead of writing the update.
import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.opt = torch.optim.AdamW(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)

    def step(self):
        self.opt.step()

    def zero_grad(self):
        self.opt.zero_grad()
