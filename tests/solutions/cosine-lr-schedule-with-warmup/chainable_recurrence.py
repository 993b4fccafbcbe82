# expect: wrong_answer pure_function_of_the_step
# Fast-forwards PyTorch's CosineAnnealingLR recurrence from the last call's step: a step earlier than the last returns the stale rate.
import math

_last = {}  # schedule -> (decay step t, lr) of the latest call


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("bad arguments")
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    if step > total_steps:
        return min_lr
    key = (max_lr, min_lr, warmup_steps, total_steps)
    t, n = step - warmup_steps, total_steps - warmup_steps
    if key not in _last:
        lr = min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * t / n))
    else:
        prev_t, lr = _last[key]
        for i in range(prev_t + 1, t + 1):  # one scheduler.step() per step since the last call
            lr = min_lr + (lr - min_lr) * (1 + math.cos(math.pi * i / n)) / (1 + math.cos(math.pi * (i - 1) / n))
    _last[key] = (t, lr)
    return lr
