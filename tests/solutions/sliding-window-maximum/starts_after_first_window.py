# expect: wrong_answer classic_examples
# Emits a maximum only from index k on (i >= k instead of i >= k - 1): the first window is missing.
from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k:
            out.append(nums[dq[0]])
    return out
