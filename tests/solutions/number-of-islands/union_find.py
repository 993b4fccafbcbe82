# expect: passed
# Correct alternative: union-find over land cells (path halving, union by size).
def num_islands(grid: list[list[str]]) -> int:
    rows, cols = len(grid), len(grid[0])
    parent = list(range(rows * cols))
    size = [1] * (rows * cols)

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1":
                continue
            islands += 1
            here = r * cols + c
            for a, b in ((r - 1, c), (r, c - 1)):  # neighbours already seen
                if a >= 0 and b >= 0 and grid[a][b] == "1":
                    x, y = find(here), find(a * cols + b)
                    if x != y:
                        if size[x] < size[y]:
                            x, y = y, x
                        parent[y] = x
                        size[x] += size[y]
                        islands -= 1
    return islands
