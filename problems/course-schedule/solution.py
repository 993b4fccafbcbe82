import heapq


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    """Kahn's algorithm with a min-heap of the available courses."""
    unlocks: list[list[int]] = [[] for _ in range(num_courses)]  # b -> courses waiting for b
    missing = [0] * num_courses  # prerequisites not yet taken, counted per pair
    for a, b in prerequisites:
        unlocks[b].append(a)
        missing[a] += 1  # a duplicate pair adds 1 here and is also listed twice in unlocks[b]
    available = [c for c in range(num_courses) if missing[c] == 0]
    heapq.heapify(available)
    order: list[int] = []
    while available:
        course = heapq.heappop(available)
        order.append(course)
        for nxt in unlocks[course]:
            missing[nxt] -= 1
            if missing[nxt] == 0:
                heapq.heappush(available, nxt)
    # Courses on a cycle (or waiting on one) never become available.
    return order if len(order) == num_courses else []
