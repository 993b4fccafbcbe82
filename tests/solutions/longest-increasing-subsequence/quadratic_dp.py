# expect: time_limit large_random_input_needs_n_log_n
# Correct O(n^2) DP with predecessor links: right answers, far too slow for 5 * 10^4 values.
def longest_increasing_subsequence(nums):
    n = len(nums)
    if n == 0:
        return []
    best, prev = [1] * n, [-1] * n
    for i in range(n):
        for j in range(i):
            if nums[j] < nums[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    i = max(range(n), key=best.__getitem__)
    out = []
    while i != -1:
        out.append(nums[i])
        i = prev[i]
    return out[::-1]
