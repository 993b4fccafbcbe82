# expect: runtime_error snake_island_300x300
# Recursive DFS without raising the recursion limit: RecursionError on a long island.
def num_islands(grid: list[list[str]]) -> int:
    rows, cols = len(grid), len(grid[0])

    def sink(i, j):
        if i < 0 or i >= rows or j < 0 or j >= cols or grid[i][j] != "1":
            return
        grid[i][j] = "0"
        sink(i + 1, j)
        sink(i - 1, j)
        sink(i, j + 1)
        sink(i, j - 1)

    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1":
                count += 1
                sink(r, c)
    return count
