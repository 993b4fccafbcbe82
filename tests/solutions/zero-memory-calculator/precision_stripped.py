# expect: wrong_answer precision_must_match_exactly
# Strips whitespace from precision before checking it: " bf16" is accepted and None raises AttributeError.
# Bytes per parameter: (model weights, gradients, optimizer states).
BYTES = {
    "fp16": (2, 2, 12),  # fp16 weights and grads; fp32 master weights + Adam m + v = 4 + 4 + 4
    "bf16": (2, 2, 12),
    "fp32": (4, 4, 8),  # fp32 weights and grads; Adam m + v only (no master copy)
}


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def zero_memory_per_gpu(num_params, num_gpus, stage, precision="bf16"):
    """Model-state memory per GPU, in bytes, for ZeRO stage 0-3 data parallelism with Adam."""
    if not _is_int(num_params) or num_params < 1:
        raise ValueError(f"num_params must be a positive int, got {num_params!r}")
    if not _is_int(num_gpus) or num_gpus < 1:
        raise ValueError(f"num_gpus must be a positive int, got {num_gpus!r}")
    if not _is_int(stage) or stage not in (0, 1, 2, 3):
        raise ValueError(f"stage must be 0, 1, 2 or 3, got {stage!r}")
    precision = precision.strip()
    if precision not in BYTES:
        raise ValueError(f"precision must be one of {sorted(BYTES)}, got {precision!r}")
    p, g, o = BYTES[precision]
    shard = -(-num_params // num_gpus)  # ceil: the last GPU's shard is padded to full size
    params = p * (shard if stage >= 3 else num_params)
    grads = g * (shard if stage >= 2 else num_params)
    optimizer_states = o * (shard if stage >= 1 else num_params)
    total = params + grads + optimizer_states
    return {
        "params": params,
        "grads": grads,
        "optimizer_states": optimizer_states,
        "total": total,
        "total_gib": total / 2**30,
    }
