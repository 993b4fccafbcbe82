# expect: forbidden_api classic_examples
# Binary-searches the tails with numpy.searchsorted; the problem is standard library only.
import numpy as np


def longest_increasing_subsequence(nums: list[int]) -> list[int]:
    """One longest strictly increasing subsequence of nums (patience sorting, O(n log n))."""
    tails = []  # tails[L] = smallest last value of an increasing subsequence of length L + 1
    tail_at = []  # tail_at[L] = index in nums of that last value
    parent = [-1] * len(nums)  # index of the previous element in the subsequence ending at i
    for i, x in enumerate(nums):
        length = int(np.searchsorted(tails, x, side="left"))  # first tail >= x: equal values never extend (strict)
        if length > 0:
            parent[i] = tail_at[length - 1]
        if length == len(tails):
            tails.append(x)
            tail_at.append(i)
        else:
            tails[length] = x
            tail_at[length] = i
    # tails itself is usually NOT a subsequence: walk the parent links back from the last tail.
    out = []
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        out.append(nums[i])
        i = parent[i]
    return out[::-1]
