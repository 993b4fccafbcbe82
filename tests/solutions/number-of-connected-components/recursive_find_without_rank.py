# expect: runtime_error long_path_without_recursion
# Recursive find with path compression but no union by rank: the path given in order builds a 5 * 10^4-deep chain first.
def count_components(n: int, edges: list[list[int]]) -> int:
    parent = list(range(n))

    def find(x):
        if parent[x] != x:
            parent[x] = find(parent[x])
        return parent[x]

    count = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            count -= 1
    return count
