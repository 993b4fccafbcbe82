import math


def lr_at_step(step: int, max_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> float:
    """The learning rate at `step`: linear warmup from 0 to max_lr over warmup_steps steps,
    cosine decay from max_lr to min_lr between warmup_steps and total_steps, min_lr after.

    Raises ValueError if step < 0, warmup_steps < 0 or warmup_steps >= total_steps.
    """
    raise NotImplementedError
