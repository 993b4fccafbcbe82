# expect: wrong_answer stack_emptied_and_reused
# Recomputes the minimum when it is popped, but keeps the old one once the stack is empty: a fresh push is compared with a stale minimum.
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
        if val == self.low and self.stack:
            self.low = min(self.stack)

    def top(self) -> int:
        return self.stack[-1]

    def get_min(self) -> int:
        return self.low
