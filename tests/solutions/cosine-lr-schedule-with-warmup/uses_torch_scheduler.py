# expect: forbidden_api warmup_is_linear_from_zero
# Builds a torch LambdaLR to read the learning rate: torch is forbidden here.
import math

import torch


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("bad arguments")
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    progress = min(1.0, (step - warmup_steps) / (total_steps - warmup_steps))
    return float(torch.tensor(min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * progress))))
