from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Monotonic deque of indices whose values decrease from front to back; the front is the max."""
    window: deque[int] = deque()
    out: list[int] = []
    for i, x in enumerate(nums):
        # An older value that is not larger than x can never be a maximum again.
        while window and nums[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:  # the front index has left the window nums[i - k + 1 : i + 1]
            window.popleft()
        if i >= k - 1:
            out.append(nums[window[0]])
    return out
