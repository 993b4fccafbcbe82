def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    """Return the matrix product a @ b as a new list of lists.

    a: n rows of m numbers, b: m rows of p numbers -> n rows of p numbers.
    Raise ValueError when a's number of columns differs from b's number of rows.
    """
    raise NotImplementedError
