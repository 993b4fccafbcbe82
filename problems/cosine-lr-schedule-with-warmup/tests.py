"""Hidden tests for cosine-lr-schedule-with-warmup (pure Python)."""

from mlkata.judge.api import Rand, call, raises, test

REL, ABS = 1e-9, 1e-15  # learning rates are ~1e-4: the bank's default atol=1e-5 would accept anything


@test(atol=ABS, rtol=REL)
def warmup_is_linear_from_zero(lr_at_step):
    # W = 8: step s of the warmup gives max_lr * s / 8, starting at 0.0 at step 0.
    return [call(lr_at_step, s, 6e-4, 6e-5, 8, 100) for s in range(8)]


@test(atol=ABS, rtol=REL)
def peak_at_end_of_warmup(lr_at_step):
    # Step W is the first decay step and gives exactly max_lr.
    return [
        call(lr_at_step, 8, 6e-4, 6e-5, 8, 100),
        call(lr_at_step, 2000, 3e-4, 3e-5, 2000, 60_000),
        call(lr_at_step, 1, 1.0, 0.1, 1, 5),
    ]


@test(atol=ABS, rtol=REL)
def cosine_decay_counts_from_end_of_warmup(lr_at_step):
    # Progress (s - W) / (T - W): a quarter, half and three quarters of the way down, and others.
    return [call(lr_at_step, s, 1e-3, 1e-4, 20, 220) for s in (21, 37, 70, 120, 170, 203, 219)]


@test(atol=ABS, rtol=REL)
def reaches_floor_at_total_steps(lr_at_step):
    return [
        call(lr_at_step, 220, 1e-3, 1e-4, 20, 220),
        call(lr_at_step, 100, 6e-4, 6e-5, 8, 100),
    ]


@test(atol=ABS, rtol=REL)
def stays_at_floor_after_total_steps(lr_at_step):
    # The cosine must not come back up after step T.
    return [call(lr_at_step, s, 1e-3, 1e-4, 20, 220) for s in (221, 300, 420, 10**6, 10**9)]


@test(atol=ABS, rtol=REL)
def decays_to_the_floor_not_to_zero(lr_at_step):
    # min_lr = max_lr / 10: the cosine spans max_lr - min_lr, it is not a cosine to 0 clamped at min_lr.
    return [call(lr_at_step, s, 2e-3, 2e-4, 5, 45) for s in (5, 10, 15, 25, 35, 40, 44)]


@test(atol=ABS, rtol=REL)
def floor_zero_and_floor_equal_to_peak(lr_at_step):
    return [
        *(call(lr_at_step, s, 5e-4, 0.0, 4, 24) for s in (2, 4, 14, 24, 30)),
        *(call(lr_at_step, s, 5e-4, 5e-4, 4, 24) for s in (2, 4, 14, 24, 30)),
    ]


@test(atol=ABS, rtol=REL)
def no_warmup_starts_at_peak(lr_at_step):
    # W = 0: step 0 already gives max_lr (and there is no division by W).
    return [call(lr_at_step, s, 1e-3, 1e-5, 0, 50) for s in (0, 1, 25, 50, 51)]


@test(atol=ABS, rtol=REL)
def single_decay_step(lr_at_step):
    # W = T - 1: max_lr at step T - 1, min_lr at step T.
    return [call(lr_at_step, s, 1e-3, 1e-4, 9, 10) for s in (0, 4, 8, 9, 10, 11)]


@test(atol=ABS, rtol=REL)
def pure_function_of_the_step(lr_at_step):
    # Calls out of order and repeated (the only test whose steps go backwards for one schedule):
    # the same arguments must give the same value every time.
    steps = (500, 3, 500, 120, 0, 777, 121, 3, 10**5, 500)
    return [call(lr_at_step, s, 4e-4, 4e-5, 50, 800) for s in steps]


@test(atol=ABS, rtol=REL)
def random_schedules_match_reference(lr_at_step):
    r = Rand(5).py
    calls = []
    for _ in range(60):
        total = r.randint(1, 10**7)
        warmup = r.randint(0, total - 1)
        max_lr = r.uniform(1e-6, 10.0)
        min_lr = r.choice([0.0, max_lr, r.uniform(0.0, max_lr)])
        step = r.choice([r.randint(0, warmup), r.randint(warmup, total), r.randint(0, 2 * total)])
        calls.append(call(lr_at_step, step, max_lr, min_lr, warmup, total))
    return calls


@test(atol=ABS, rtol=REL)
def invalid_arguments_raise_value_error(lr_at_step):
    lr_at_step(5, 1e-3, 1e-4, 10, 110)  # a valid call first: it must return normally
    return {
        "lr_at_step(-1, 1e-3, 1e-4, 10, 110)": raises(ValueError, lr_at_step, -1, 1e-3, 1e-4, 10, 110),
        "lr_at_step(5, 1e-3, 1e-4, -1, 110)": raises(ValueError, lr_at_step, 5, 1e-3, 1e-4, -1, 110),
        "lr_at_step(5, 1e-3, 1e-4, 110, 110)": raises(ValueError, lr_at_step, 5, 1e-3, 1e-4, 110, 110),
        "lr_at_step(5, 1e-3, 1e-4, 120, 110)": raises(ValueError, lr_at_step, 5, 1e-3, 1e-4, 120, 110),
        "lr_at_step(0, 1e-3, 1e-4, 0, 0)": raises(ValueError, lr_at_step, 0, 1e-3, 1e-4, 0, 0),
    }
