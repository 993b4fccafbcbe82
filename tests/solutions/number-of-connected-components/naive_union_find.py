# expect: time_limit large_graphs_within_time_limit
# Union-find with neither path compression nor union by rank: a star built the wrong way round is an O(n) chain per find.
def count_components(n: int, edges: list[list[int]]) -> int:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    count = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            count -= 1
    return count
