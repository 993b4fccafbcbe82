"""Hidden tests for zero-memory-calculator."""

from mlkata.judge.api import call, raises, test


@test
def stage0_replicates_everything(fn):
    # Plain data parallelism: 16 bytes per parameter on every GPU, whatever the GPU count.
    return [
        call(fn, 1_000_000, 8, 0),
        call(fn, 7_000_000_000, 64, 0),
        call(fn, 1_000_000, 1, 0, "fp16"),
    ]


@test
def stage1_shards_optimizer_states(fn):
    # 7.5B parameters on 64 GPUs, the ZeRO paper's running example (about 31.4 GB per GPU).
    return [
        call(fn, 7_500_000_000, 64, 1),
        call(fn, 1_000_000, 8, 1),
        call(fn, 3_000_000, 4, 1, "fp16"),
    ]


@test
def stage2_shards_gradients_too(fn):
    return [
        call(fn, 7_500_000_000, 64, 2),
        call(fn, 1_000_000, 8, 2),
        call(fn, 3_000_000, 4, 2, "fp16"),
    ]


@test
def stage3_shards_parameters_too(fn):
    return [
        call(fn, 7_500_000_000, 64, 3),
        call(fn, 1_000_000, 8, 3),
        call(fn, 70_000_000_000, 1024, 3),
    ]


@test
def single_gpu_is_the_same_at_every_stage(fn):
    return [call(fn, 125_000_000, 1, stage) for stage in (0, 1, 2, 3)]


@test
def uneven_split_rounds_the_shard_up(fn):
    # 1001 parameters on 8 GPUs: each GPU holds a shard of ceil(1001 / 8) = 126 parameters.
    return [call(fn, 1001, 8, stage) for stage in (1, 2, 3)] + [call(fn, 10, 3, 3, "fp16")]


@test
def fp32_has_no_master_copy(fn):
    # Full precision: 4-byte weights and gradients, Adam's m and v (8 bytes), no extra fp32 copy.
    return [call(fn, 2_000_000, 4, stage, "fp32") for stage in (0, 1, 2, 3)]


@test
def invalid_arguments_raise_value_error(fn):
    fn(1000, 2, 1)  # a valid call first (and a starter stays not_implemented)
    bad = [
        ((0, 8, 1), "num_params=0"),
        ((-5, 8, 1), "num_params=-5"),
        ((7e9, 8, 1), "num_params=7e9 (a float)"),
        ((1000, 0, 1), "num_gpus=0"),
        ((1000, True, 1), "num_gpus=True (a bool)"),
        ((1000, 2.0, 1), "num_gpus=2.0 (a float)"),
        ((1000, 8, 4), "stage=4"),
        ((1000, 8, -1), "stage=-1"),
        ((1000, 8, 1.0), "stage=1.0 (a float)"),
        ((1000, 8, 1, "int8"), "precision='int8'"),
        ((1000, 8, 1, "BF16"), "precision='BF16'"),
    ]
    return {what: raises(ValueError, fn, *args) for args, what in bad}


@test
def bool_arguments_raise_value_error(fn):
    # bool is a subclass of int, but True is not a parameter count, a GPU count or a stage.
    fn(1000, 2, 1)  # a valid call first (and a starter stays not_implemented)
    bad = [
        ((True, 8, 1), "num_params=True"),
        ((1000, 8, True), "stage=True"),
        ((1000, 8, False), "stage=False"),
    ]
    return {what: raises(ValueError, fn, *args) for args, what in bad}


@test
def precision_must_match_exactly(fn):
    # Exactly "fp16", "bf16" or "fp32": no stripping, no other types.
    fn(1000, 2, 1, "fp32")  # a valid call first (and a starter stays not_implemented)
    bad = [" bf16", "fp32\n", None, 16]
    return {f"precision={p!r}": raises(ValueError, fn, 1000, 8, 1, p) for p in bad}


@test
def smallest_valid_arguments(fn):
    # num_params = 1 and num_gpus = 1 are valid (the bound is < 1); one parameter on 8 GPUs is a shard of 1.
    return [call(fn, 1, 1, 0), call(fn, 1, 8, 3), call(fn, 1, 8, 2, "fp32")]
