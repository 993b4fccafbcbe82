# expect: passed
# Correct alternative: recursive DFS that raises the recursion limit itself (fine on CPython 3.11+).
import sys


def num_islands(grid: list[list[str]]) -> int:
    rows, cols = len(grid), len(grid[0])
    sys.setrecursionlimit(max(sys.getrecursionlimit(), rows * cols + 1000))

    def sink(i, j):
        grid[i][j] = "0"
        for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
            if 0 <= a < rows and 0 <= b < cols and grid[a][b] == "1":
                sink(a, b)

    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1":
                count += 1
                sink(r, c)
    return count
