import heapq


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """Count with a dict, keep the k strongest values in a min-heap of size k."""
    count: dict[int, int] = {}
    for x in nums:
        count[x] = count.get(x, 0) + 1
    # Entries (count, -value): the root is the weakest kept value (lowest count, then the largest
    # value, since a smaller value wins a tie).
    heap: list[tuple[int, int]] = []
    for value, c in count.items():
        entry = (c, -value)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
    # Popping gives the weakest first: reverse for the strongest first.
    result = [-heapq.heappop(heap)[1] for _ in range(k)]
    result.reverse()
    return result
