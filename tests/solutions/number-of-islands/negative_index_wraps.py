# expect: wrong_answer grid_edges_do_not_wrap_around
# Checks only the upper bounds of a neighbour (a < rows, b < cols): index -1 wraps to the last row or column.
from collections import deque


def num_islands(grid: list[list[str]]) -> int:
    """Number of 4-connected groups of "1" cells (iterative BFS; marks visited land as "0")."""
    rows, cols = len(grid), len(grid[0])
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1":
                continue
            count += 1
            grid[r][c] = "0"  # mark when enqueued, so no cell is queued twice
            queue = deque([(r, c)])
            while queue:
                i, j = queue.popleft()
                for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if a < rows and b < cols and grid[a][b] == "1":
                        grid[a][b] = "0"
                        queue.append((a, b))
    return count
