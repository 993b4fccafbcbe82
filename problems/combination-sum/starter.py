def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    """All distinct combinations of candidates (each usable any number of times) summing to target.

    [2, 2, 3] and [3, 2, 2] are the same combination: return it once. Any order; [] if none.
    Do not modify candidates.
    """
    raise NotImplementedError
