class MinStack:
    """Each entry stores its value and the minimum of the stack up to and including it."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int]] = []  # (value, minimum of this entry and all below)

    def push(self, val: int) -> None:
        if self._items and self._items[-1][1] < val:
            low = self._items[-1][1]
        else:
            low = val
        self._items.append((val, low))

    def pop(self) -> None:
        # The entries below keep their own minimum: the previous minimum comes back for free.
        self._items.pop()

    def top(self) -> int:
        return self._items[-1][0]

    def get_min(self) -> int:
        return self._items[-1][1]
