# expect: passed
# Correct alternative: a table of which states are sharded at each stage, and the shard from divmod.
SHARDED = {0: (False, False, False), 1: (False, False, True), 2: (False, True, True), 3: (True, True, True)}


def zero_memory_per_gpu(num_params, num_gpus, stage, precision="bf16"):
    for name, value in (("num_params", num_params), ("num_gpus", num_gpus)):
        if type(value) is not int or value < 1:
            raise ValueError(f"{name} must be a positive integer")
    if type(stage) is not int or stage not in SHARDED:
        raise ValueError("stage must be 0, 1, 2 or 3")
    if precision in ("fp16", "bf16"):
        sizes = (2, 2, 4 + 4 + 4)
    elif precision == "fp32":
        sizes = (4, 4, 4 + 4)
    else:
        raise ValueError(f"unknown precision {precision!r}")
    q, r = divmod(num_params, num_gpus)
    shard = q + (1 if r else 0)
    counts = [shard if sharded else num_params for sharded in SHARDED[stage]]
    params, grads, opt = (n * b for n, b in zip(counts, sizes))
    total = params + grads + opt
    return {"params": params, "grads": grads, "optimizer_states": opt, "total": total, "total_gib": total / 1024**3}
