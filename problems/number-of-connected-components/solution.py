def count_components(n: int, edges: list[list[int]]) -> int:
    """Union-find with path compression and union by rank; each successful union merges two components."""
    parent = list(range(n))
    rank = [0] * n  # an upper bound on the height of the tree rooted at a node

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        # Path compression: point every node on the way straight at the root.
        while parent[x] != root:
            nxt = parent[x]
            parent[x] = root
            x = nxt
        return root

    components = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue  # a cycle, a repeated edge or a self-loop: nothing to merge
        # Union by rank: hang the shorter tree under the taller one.
        if rank[ra] < rank[rb]:
            ra, rb = rb, ra
        parent[rb] = ra
        if rank[ra] == rank[rb]:
            rank[ra] += 1
        components -= 1
    return components
