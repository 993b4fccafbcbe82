# expect: wrong_answer isolated_nodes_are_components
# Counts components among the nodes that appear in edges only: isolated nodes are forgotten.
def count_components(n: int, edges: list[list[int]]) -> int:
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(x) for x in list(parent)})
