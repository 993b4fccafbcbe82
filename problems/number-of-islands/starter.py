def num_islands(grid: list[list[str]]) -> int:
    """Number of 4-connected groups of "1" cells in grid.

    grid: m rows of n cells, each "1" (land) or "0" (water), 1 <= m, n <= 300, rectangular.
    You may modify grid.
    """
    raise NotImplementedError
