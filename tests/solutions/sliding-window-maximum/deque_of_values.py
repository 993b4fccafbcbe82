# expect: runtime_error repeated_values
# Deque of values (not indices) that pops equal values too, then removes the front by value: a newer equal copy is removed early and the deque runs empty.
from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and dq[-1] <= x:
            dq.pop()
        dq.append(x)
        if i >= k and dq[0] == nums[i - k]:
            dq.popleft()
        if i >= k - 1:
            out.append(dq[0])
    return out
