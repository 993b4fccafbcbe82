# expect: wrong_answer self_loop_is_a_cycle
# Drops pairs [a, a] as noise while building the graph, so a course that requires itself is schedulable.
import heapq


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    graph = [[] for _ in range(num_courses)]
    indegree = [0] * num_courses
    for a, b in prerequisites:
        if a == b:
            continue
        graph[b].append(a)
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
