# expect: wrong_answer self_loops_join_nothing
# Skips repeated edges with a set of seen pairs but treats a self-loop as an edge that merges two components.
def count_components(n: int, edges: list[list[int]]) -> int:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    count = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb or a == b:
            parent[ra] = rb
            count -= 1
    return count
