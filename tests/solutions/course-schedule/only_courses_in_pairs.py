# expect: wrong_answer courses_without_prerequisites_included
# Builds the graph from the pairs only, so courses that appear in no pair are never scheduled.
import heapq
from collections import defaultdict


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    graph = defaultdict(list)
    indegree = {}
    for a, b in prerequisites:
        graph[b].append(a)
        indegree[a] = indegree.get(a, 0) + 1
        indegree.setdefault(b, 0)
    heap = [c for c, d in indegree.items() if d == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        c = heapq.heappop(heap)
        order.append(c)
        for n in graph[c]:
            indegree[n] -= 1
            if indegree[n] == 0:
                heapq.heappush(heap, n)
    return order if len(order) == len(indegree) else []
