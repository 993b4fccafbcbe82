# expect: wrong_answer smallest_available_course_first
# Kahn's algorithm with a FIFO queue seeded in sorted order: valid, but a course unlocked later waits behind larger ones.
from collections import deque


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    graph = [[] for _ in range(num_courses)]
    indegree = [0] * num_courses
    for a, b in prerequisites:
        graph[b].append(a)
        indegree[a] += 1
    queue = deque(c for c in range(num_courses) if indegree[c] == 0)
    order = []
    while queue:
        c = queue.popleft()
        order.append(c)
        for n in sorted(graph[c]):
            indegree[n] -= 1
            if indegree[n] == 0:
                queue.append(n)
    return order if len(order) == num_courses else []
