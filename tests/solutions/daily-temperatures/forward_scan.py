# expect: time_limit large_input_within_time_limit
# Right answers, but scans forward from every day: O(n^2) when no warmer day comes.
def daily_temperatures(temperatures: list[int]) -> list[int]:
    n = len(temperatures)
    answer = [0] * n
    for i in range(n):
        for j in range(i + 1, n):
            if temperatures[j] > temperatures[i]:
                answer[i] = j - i
                break
    return answer
