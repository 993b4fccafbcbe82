# expect: passed
# Correct alternative: right to left, jumping ahead by the answers already computed (O(1) extra space).
def daily_temperatures(temperatures: list[int]) -> list[int]:
    n = len(temperatures)
    answer = [0] * n
    for i in range(n - 2, -1, -1):
        j = i + 1
        while temperatures[j] <= temperatures[i] and answer[j] > 0:
            j += answer[j]
        if temperatures[j] > temperatures[i]:
            answer[i] = j - i
    return answer
