# expect: wrong_answer duplicate_prerequisite_pairs
# Stores the edges in sets (deduplicated) but counts every pair in the in-degree: a repeated pair is never released.
import heapq


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    graph = [set() for _ in range(num_courses)]
    indegree = [0] * num_courses
    for a, b in prerequisites:
        graph[b].add(a)
        indegree[a] += 1
    heap = [c for c in range(num_courses) if indegree[c] == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        c = heapq.heappop(heap)
        order.append(c)
        for n in graph[c]:
            indegree[n] -= 1
            if indegree[n] == 0:
                heapq.heappush(heap, n)
    return order if len(order) == num_courses else []
