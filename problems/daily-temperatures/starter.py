def daily_temperatures(temperatures: list[int]) -> list[int]:
    """For each day, the number of days until a strictly warmer day, or 0 if none comes.

    answer[i] is the smallest j - i > 0 with temperatures[j] > temperatures[i], else 0.
    """
    raise NotImplementedError
