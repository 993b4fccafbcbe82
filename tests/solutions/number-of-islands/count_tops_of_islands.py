# expect: wrong_answer small_examples
# One-pass shortcut: counts land cells whose upper and left neighbours are water (fails on a U shape).
def num_islands(grid: list[list[str]]) -> int:
    count = 0
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == "1" and (r == 0 or grid[r - 1][c] == "0") and (c == 0 or row[c - 1] == "0"):
                count += 1
    return count
