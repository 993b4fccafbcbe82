# expect: passed
# Correct alternative: split into blocks of k, prefix maxima left to right and suffix maxima right to left; a window is max(suffix[i], prefix[i + k - 1]).
def max_sliding_window(nums: list[int], k: int) -> list[int]:
    n = len(nums)
    prefix, suffix = nums[:], nums[:]
    for i in range(1, n):
        if i % k:
            prefix[i] = max(prefix[i - 1], nums[i])
    for i in range(n - 2, -1, -1):
        if (i + 1) % k:
            suffix[i] = max(suffix[i + 1], nums[i])
    return [max(suffix[i], prefix[i + k - 1]) for i in range(n - k + 1)]
