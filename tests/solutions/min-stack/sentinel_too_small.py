# expect: wrong_answer values_at_both_ends_of_the_range
# Starts the minimum at 10**9 as "infinity": a stack holding only 2^31 - 1 reports 10**9.
class MinStack:
    def __init__(self) -> None:
        self.items = []

    def push(self, val: int) -> None:
        below = self.items[-1][1] if self.items else 10**9
        self.items.append((val, min(val, below)))

    def pop(self) -> None:
        self.items.pop()

    def top(self) -> int:
        return self.items[-1][0]

    def get_min(self) -> int:
        return self.items[-1][1]
