# expect: runtime_error non_square_grids
# Uses len(grid) for both dimensions, as if every grid were square: IndexError on a tall grid.
from collections import deque


def num_islands(grid: list[list[str]]) -> int:
    n = len(grid)
    count = 0
    for r in range(n):
        for c in range(n):
            if grid[r][c] != "1":
                continue
            count += 1
            grid[r][c] = "0"
            queue = deque([(r, c)])
            while queue:
                i, j = queue.popleft()
                for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if 0 <= a < n and 0 <= b < n and grid[a][b] == "1":
                        grid[a][b] = "0"
                        queue.append((a, b))
    return count
