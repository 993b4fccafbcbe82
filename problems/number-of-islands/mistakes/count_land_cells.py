# mistake: matches the number of land cells: count connected islands
def num_islands(grid: list[list[str]]) -> int:
    return sum(cell == "1" for row in grid for cell in row)
