# expect: runtime_error large_increasing_input
# O(n log n) and right, but rebuilds the answer recursively along the parent links: RecursionError on a long answer.
from bisect import bisect_left


def longest_increasing_subsequence(nums):
    tails, tail_at, parent = [], [], [-1] * len(nums)
    for i, x in enumerate(nums):
        k = bisect_left(tails, x)
        parent[i] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(x)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = x, i

    def rebuild(i):
        if i == -1:
            return []
        return rebuild(parent[i]) + [nums[i]]

    return rebuild(tail_at[-1]) if tail_at else []
