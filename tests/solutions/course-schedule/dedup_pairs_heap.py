# expect: passed
# Correct alternative: deduplicated pairs, explicit self-loop check, and a heap of available courses.
from heapq import heappop, heappush


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    pairs = {(a, b) for a, b in prerequisites}
    if any(a == b for a, b in pairs):
        return []
    after = {c: [] for c in range(num_courses)}
    waiting = [0] * num_courses
    for a, b in pairs:
        after[b].append(a)
        waiting[a] += 1
    heap = []
    for c in range(num_courses):
        if waiting[c] == 0:
            heappush(heap, c)
    order = []
    while heap:
        c = heappop(heap)
        order.append(c)
        for a in after[c]:
            waiting[a] -= 1
            if not waiting[a]:
                heappush(heap, a)
    return order if len(order) == num_courses else []
