# expect: passed
# Correct alternative: right to left, remembering the next day of each temperature 30..100 (O(71 n)).
def daily_temperatures(temperatures: list[int]) -> list[int]:
    n = len(temperatures)
    nxt = [None] * 101
    answer = [0] * n
    for i in range(n - 1, -1, -1):
        t = temperatures[i]
        best = None
        for warmer in range(t + 1, 101):
            d = nxt[warmer]
            if d is not None and (best is None or d < best):
                best = d
        if best is not None:
            answer[i] = best - i
        nxt[t] = i
    return answer
