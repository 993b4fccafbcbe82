# expect: forbidden_api small_examples
# Counts the islands with scipy.ndimage.label: the statement allows the standard library only.
from scipy import ndimage


def num_islands(grid: list[list[str]]) -> int:
    land = [[cell == "1" for cell in row] for row in grid]
    _, count = ndimage.label(land)  # the default structure is 4-connected
    return int(count)
