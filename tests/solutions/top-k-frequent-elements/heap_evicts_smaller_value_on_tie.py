# expect: wrong_answer ties_broken_by_smaller_value
# Min-heap of (count, value): among equal counts the root is the smaller value, so the smaller values are the ones evicted.
import heapq


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    count = {}
    for x in nums:
        count[x] = count.get(x, 0) + 1
    heap = []
    for value, c in count.items():
        heapq.heappush(heap, (c, value))
        if len(heap) > k:
            heapq.heappop(heap)
    return [v for c, v in sorted(heap, key=lambda e: (-e[0], e[1]))]
