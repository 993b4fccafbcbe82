# expect: runtime_error long_path_without_recursion
# Adjacency lists and a recursive DFS: right counts, but a path of 5 * 10^4 nodes exceeds the recursion limit.
def count_components(n: int, edges: list[list[int]]) -> int:
    adj = [[] for _ in range(n)]
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen = [False] * n

    def visit(u):
        seen[u] = True
        for v in adj[u]:
            if not seen[v]:
                visit(v)

    count = 0
    for u in range(n):
        if not seen[u]:
            visit(u)
            count += 1
    return count
