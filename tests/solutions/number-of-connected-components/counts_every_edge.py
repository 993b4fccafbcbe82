# expect: wrong_answer cycles_and_repeated_edges
# Union-find that decrements the count for every edge, even when both ends already share a root.
def count_components(n: int, edges: list[list[int]]) -> int:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    count = n
    for a, b in edges:
        if a == b:
            continue
        parent[find(a)] = find(b)
        count -= 1
    return count
