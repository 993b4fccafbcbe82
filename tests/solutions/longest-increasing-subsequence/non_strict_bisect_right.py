# expect: wrong_answer classic_examples
# Uses bisect_right: equal values extend the subsequence (non-decreasing instead of strictly increasing).
from bisect import bisect_right


def longest_increasing_subsequence(nums):
    tails, tail_at, parent = [], [], [-1] * len(nums)
    for i, x in enumerate(nums):
        k = bisect_right(tails, x)
        parent[i] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(x)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = x, i
    out, i = [], tail_at[-1] if tail_at else -1
    while i != -1:
        out.append(nums[i])
        i = parent[i]
    return out[::-1]
