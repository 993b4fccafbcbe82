# expect: wrong_answer uneven_split_rounds_the_shard_up
# Floor division for the shard: num_params // num_gpus drops the remainder instead of padding the last shard.

def zero_memory_per_gpu(num_params, num_gpus, stage, precision="bf16"):
    if not isinstance(num_params, int) or isinstance(num_params, bool) or num_params < 1:
        raise ValueError("num_params")
    if not isinstance(num_gpus, int) or isinstance(num_gpus, bool) or num_gpus < 1:
        raise ValueError("num_gpus")
    if not isinstance(stage, int) or isinstance(stage, bool) or stage not in (0, 1, 2, 3):
        raise ValueError("stage")
    if precision not in ("fp16", "bf16", "fp32"):
        raise ValueError("precision")
    p, g, o = (4, 4, 8) if precision == "fp32" else (2, 2, 12)
    shard = num_params // num_gpus
    params = p * (shard if stage == 3 else num_params)
    grads = g * (shard if stage >= 2 else num_params)
    opt = o * (shard if stage >= 1 else num_params)
    total = params + grads + opt
    return {"params": params, "grads": grads, "optimizer_states": opt, "total": total, "total_gib": total / 2**30}
