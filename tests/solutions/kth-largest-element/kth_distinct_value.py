# expect: wrong_answer duplicates_count_separately
# Works on set(nums): returns the k-th largest distinct value (and fails when k exceeds the distinct count).
import heapq


def kth_largest(nums, k):
    heap = []
    for x in set(nums):
        heapq.heappush(heap, x)
        if len(heap) > k:
            heapq.heappop(heap)
    return heap[0]
