# expect: wrong_answer equal_temperature_is_not_warmer
# Keeps temperatures on the stack and recovers the day with temperatures.index(), the first day with that value, not the waiting one.
def daily_temperatures(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)
    stack = []
    for i, t in enumerate(temperatures):
        while stack and stack[-1] < t:
            v = stack.pop()
            j = temperatures.index(v)
            answer[j] = i - j
        stack.append(t)
    return answer
