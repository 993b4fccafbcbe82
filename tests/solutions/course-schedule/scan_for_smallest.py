# expect: time_limit large_graph_within_time_limit
# Right order, but each step scans every course for the smallest available one: O(V^2).
def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    graph = [[] for _ in range(num_courses)]
    indegree = [0] * num_courses
    for a, b in prerequisites:
        graph[b].append(a)
        indegree[a] += 1
    taken = [False] * num_courses
    order = []
    for _ in range(num_courses):
        pick = -1
        for c in range(num_courses):
            if not taken[c] and indegree[c] == 0:
                pick = c
                break
        if pick == -1:
            return []
        taken[pick] = True
        order.append(pick)
        for n in graph[pick]:
            indegree[n] -= 1
    return order
