# expect: wrong_answer classic_example
# Keeps one running minimum updated on push only: after the minimum is popped it is still reported.
class MinStack:
    def __init__(self) -> None:
        self.stack = []
        self.low = None

    def push(self, val: int) -> None:
        self.stack.append(val)
        if self.low is None or val < self.low:
            self.low = val

    def pop(self) -> None:
        self.stack.pop()
        if not self.stack:
            self.low = None

    def top(self) -> int:
        return self.stack[-1]

    def get_min(self) -> int:
        return self.low
