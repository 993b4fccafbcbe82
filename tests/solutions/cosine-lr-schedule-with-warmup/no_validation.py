# expect: wrong_answer invalid_arguments_raise_value_error
# Never checks its arguments: a negative step warms up below zero instead of raising ValueError.
import math


def lr_at_step(step, max_lr, min_lr, warmup_steps, total_steps):
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    if step > total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * progress))
