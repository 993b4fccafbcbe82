# expect: passed
# Correct alternative: a max-heap of (-value, index) whose stale tops (index out of the window) are popped lazily.
import heapq


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    heap = [(-nums[i], i) for i in range(k - 1)]
    heapq.heapify(heap)
    out = []
    for i in range(k - 1, len(nums)):
        heapq.heappush(heap, (-nums[i], i))
        while heap[0][1] <= i - k:
            heapq.heappop(heap)
        out.append(-heap[0][0])
    return out
