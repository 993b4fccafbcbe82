# expect: passed
# Correct alternative: validation up front, a clamped progress, and cos^2(x/2) = (1 + cos x) / 2.
from math import cos, pi


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if not (step >= 0 and 0 <= warmup_steps < total_steps):
        raise ValueError(f"bad schedule: step={step}, warmup_steps={warmup_steps}, total_steps={total_steps}")
    if warmup_steps > 0 and step < warmup_steps:
        return max_lr * (step / warmup_steps)
    progress = min(1.0, (step - warmup_steps) / (total_steps - warmup_steps))
    return min_lr + (max_lr - min_lr) * cos(pi * progress / 2) ** 2
