# expect: wrong_answer classic_examples
# Records the index of the warmer day instead of the number of days to wait.
def daily_temperatures(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)
    stack = []
    for i, t in enumerate(temperatures):
        while stack and temperatures[stack[-1]] < t:
            answer[stack.pop()] = i
        stack.append(i)
    return answer
