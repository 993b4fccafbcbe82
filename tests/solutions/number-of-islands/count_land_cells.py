# expect: wrong_answer small_examples
# Counts land cells instead of islands.
def num_islands(grid: list[list[str]]) -> int:
    return sum(cell == "1" for row in grid for cell in row)
