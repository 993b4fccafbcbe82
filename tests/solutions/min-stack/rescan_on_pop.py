# expect: time_limit large_sequence_within_time_limit
# Right answers, but recomputes min() over the whole stack whenever the minimum is popped: O(n) per pop.
class MinStack:
    def __init__(self) -> None:
        self.stack = []
        self.low = None

    def push(self, val: int) -> None:
        self.stack.append(val)
        if self.low is None or val < self.low:
            self.low = val

    def pop(self) -> None:
        val = self.stack.pop()
        if val == self.low:
            self.low = min(self.stack) if self.stack else None

    def top(self) -> int:
        return self.stack[-1]

    def get_min(self) -> int:
        return self.low
