# expect: passed
# Correct alternative: a min-heap holding the k largest values seen so far, O(n log k).
import heapq


def kth_largest(nums, k):
    heap = nums[:k]
    heapq.heapify(heap)
    for x in nums[k:]:
        if x > heap[0]:
            heapq.heapreplace(heap, x)
    return heap[0]
