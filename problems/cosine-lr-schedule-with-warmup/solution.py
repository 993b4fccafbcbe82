import math


def lr_at_step(step: int, max_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> float:
    """Linear warmup from 0 to max_lr, then cosine decay to min_lr at total_steps, then min_lr."""
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("need step >= 0 and 0 <= warmup_steps < total_steps")
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    if step > total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)  # 0 at the peak, 1 at the end
    return min_lr + 0.5 * (max_lr - min_lr) * (1.0 + math.cos(math.pi * progress))
