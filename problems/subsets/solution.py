def subsets(nums: list[int]) -> list[list[int]]:
    """Backtracking: decide for each value in turn whether it is in the subset or not."""
    result: list[list[int]] = []
    path: list[int] = []

    def decide(i: int) -> None:
        if i == len(nums):
            result.append(path[:])  # a copy: path keeps changing after this
            return
        decide(i + 1)  # without nums[i]
        path.append(nums[i])
        decide(i + 1)  # with nums[i]
        path.pop()

    decide(0)
    return result
