def daily_temperatures(temperatures: list[int]) -> list[int]:
    """Monotonic stack of the days still waiting for a warmer day (temperatures non-increasing)."""
    n = len(temperatures)
    answer = [0] * n  # days that never find a warmer day keep 0
    waiting: list[int] = []  # indices; their temperatures never increase from bottom to top
    for i, t in enumerate(temperatures):
        # Day i is the first strictly warmer day for every waiting day that is colder.
        while waiting and temperatures[waiting[-1]] < t:
            j = waiting.pop()
            answer[j] = i - j
        waiting.append(i)
    return answer
