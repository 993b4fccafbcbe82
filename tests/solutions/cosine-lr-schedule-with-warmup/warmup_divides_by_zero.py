# expect: runtime_error no_warmup_starts_at_peak
# Uses `step <= warmup_steps` for the warmup: right at the peak, but step 0 without warmup divides by zero.
import math


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("bad arguments")
    if step <= warmup_steps:
        return max_lr * step / warmup_steps
    if step > total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * progress))
