# expect: wrong_answer cosine_decay_counts_from_end_of_warmup
# Decays max_lr to zero and clamps at min_lr, instead of spanning max_lr - min_lr: too low in the second half.
import math


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("bad arguments")
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    if step > total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return max(min_lr, 0.5 * max_lr * (1 + math.cos(math.pi * progress)))
