# expect: wrong_answer classic_examples
# Off-by-one: drops the front only when it is more than k positions back, so each window spans k + 1 values.
from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] < i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out
