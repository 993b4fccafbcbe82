# expect: wrong_answer warmup_is_linear_from_zero
# Warms up with (step + 1) / warmup_steps, so step 0 is not 0 and the peak arrives one step early.
import math


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("bad arguments")
    if step < warmup_steps:
        return max_lr * (step + 1) / warmup_steps
    if step > total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * progress))
