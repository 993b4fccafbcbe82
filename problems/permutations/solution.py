def permute(nums: list[int]) -> list[list[int]]:
    """Backtracking: extend a path with every unused value, undoing each choice afterwards."""
    result: list[list[int]] = []
    path: list[int] = []
    used = [False] * len(nums)

    def extend() -> None:
        if len(path) == len(nums):
            result.append(path[:])  # a copy: path keeps changing after this
            return
        for i, x in enumerate(nums):
            if not used[i]:
                used[i] = True
                path.append(x)
                extend()
                path.pop()  # undo the choice before trying the next value
                used[i] = False

    extend()
    return result
