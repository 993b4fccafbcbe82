# expect: time_limit long_window_inside_long_string
# Restart scan that stops once the remaining suffix cannot beat the best: still O(n * window).
def length_of_longest_substring(s: str) -> int:
    n = len(s)
    best = 0
    for i in range(n):
        if n - i <= best:
            break
        seen = set()
        j = i
        while j < n and s[j] not in seen:
            seen.add(s[j])
            j += 1
        best = max(best, j - i)
    return best
