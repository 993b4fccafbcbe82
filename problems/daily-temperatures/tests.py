"""Hidden tests for daily-temperatures."""

from mlkata.judge.api import Rand, call, test


@test
def classic_examples(daily_temperatures):
    return [
        call(daily_temperatures, [73, 74, 75, 71, 69, 72, 76, 73]),
        call(daily_temperatures, [30, 40, 50, 60]),
        call(daily_temperatures, [30, 60, 90]),
        call(daily_temperatures, [55, 38, 53, 81, 61, 93, 97, 32, 43, 78]),
    ]


@test
def equal_temperature_is_not_warmer(daily_temperatures):
    return [
        call(daily_temperatures, [70, 70, 71]),
        call(daily_temperatures, [70, 70, 70]),
        call(daily_temperatures, [50, 60, 50, 60, 50]),
        call(daily_temperatures, [80, 75, 80, 75, 85]),
    ]


@test
def no_warmer_day_gives_zero(daily_temperatures):
    return [
        call(daily_temperatures, [50]),
        call(daily_temperatures, [100, 90, 80, 70]),
        call(daily_temperatures, [40, 35, 45, 30]),
        call(daily_temperatures, [30, 100]),
        call(daily_temperatures, [100, 30]),
    ]


@test
def warmer_day_far_ahead(daily_temperatures):
    # The answer is a distance in days, over long runs of colder days.
    return [
        call(daily_temperatures, [60] + [40] * 20 + [61]),
        call(daily_temperatures, [90, 80, 70, 60, 50, 40, 95]),
        call(daily_temperatures, [35, 34, 33, 36, 32, 31, 37]),
    ]


@test
def random_small_lists(daily_temperatures):
    # A narrow range, so equal temperatures are frequent.
    r = Rand(4).py
    return [call(daily_temperatures, [r.randint(30, 38) for _ in range(r.randint(1, 20))]) for _ in range(100)]


@test
def large_input_within_time_limit(daily_temperatures):
    # 10^5 equal days (a forward scan from each day is ~5 * 10^9 steps), then 10^5 random days.
    r = Rand(5).py
    return [
        call(daily_temperatures, [70] * 100_000),
        call(daily_temperatures, [r.randint(30, 100) for _ in range(100_000)]),
    ]
