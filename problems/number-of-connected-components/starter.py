def count_components(n: int, edges: list[list[int]]) -> int:
    """The number of connected components of an undirected graph with nodes 0..n-1.

    Edges may repeat, close cycles or be self-loops [a, a]. Use union-find with path
    compression and union by rank; no recursion over deep structures.
    """
    raise NotImplementedError
