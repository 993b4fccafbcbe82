# expect: wrong_answer invalid_arguments_raise_value_error
# isinstance(x, int) alone accepts True, and int(x) silently accepts the floats 7e9 and 2.0.

def zero_memory_per_gpu(num_params, num_gpus, stage, precision="bf16"):
    if int(num_params) < 1:
        raise ValueError("num_params")
    if not isinstance(num_gpus, (int, float)) or num_gpus < 1:
        raise ValueError("num_gpus")
    if stage not in (0, 1, 2, 3):
        raise ValueError("stage")
    if precision not in ("fp16", "bf16", "fp32"):
        raise ValueError("precision")
    num_params, num_gpus = int(num_params), int(num_gpus)
    p, g, o = (4, 4, 8) if precision == "fp32" else (2, 2, 12)
    shard = (num_params + num_gpus - 1) // num_gpus
    params = p * (shard if stage == 3 else num_params)
    grads = g * (shard if stage >= 2 else num_params)
    opt = o * (shard if stage >= 1 else num_params)
    total = params + grads + opt
    return {"params": params, "grads": grads, "optimizer_states": opt, "total": total, "total_gib": total / 2**30}
