# expect: forbidden_api prerequisite_comes_first
# Hands the graph to graphlib.TopologicalSorter, which the problem forbids.
import heapq
from graphlib import CycleError, TopologicalSorter


def find_order(num_courses, prerequisites):
    graph = {c: set() for c in range(num_courses)}
    for a, b in prerequisites:
        graph[a].add(b)
    sorter = TopologicalSorter(graph)
    try:
        sorter.prepare()
    except CycleError:
        return []
    order, ready = [], []
    while sorter.is_active():
        for c in sorter.get_ready():
            heapq.heappush(ready, c)
        c = heapq.heappop(ready)
        order.append(c)
        sorter.done(c)
    return order
