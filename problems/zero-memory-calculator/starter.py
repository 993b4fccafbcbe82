def zero_memory_per_gpu(num_params, num_gpus, stage, precision="bf16"):
    """Model-state memory per GPU, in bytes, for ZeRO stage 0-3 data parallelism with Adam.

    Bytes per parameter (weights, gradients, optimizer states): "fp16"/"bf16" -> (2, 2, 12),
    "fp32" -> (4, 4, 8). Stage 1 shards the optimizer states, stage 2 also the gradients,
    stage 3 also the weights; a shard holds ceil(num_params / num_gpus) parameters.
    Returns {"params", "grads", "optimizer_states", "total"} as ints (bytes) and "total_gib"
    (total / 2**30, a float). Any invalid argument raises ValueError.
    """
    raise NotImplementedError
