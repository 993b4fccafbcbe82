# expect: runtime_error duplicate_minimum_values
# Second stack of minima that only takes values strictly below its top (<): popping one copy of a repeated minimum empties it too early (IndexError).
class MinStack:
    def __init__(self) -> None:
        self.stack = []
        self.mins = []

    def push(self, val: int) -> None:
        self.stack.append(val)
        if not self.mins or val < self.mins[-1]:
            self.mins.append(val)

    def pop(self) -> None:
        if self.stack.pop() == self.mins[-1]:
            self.mins.pop()

    def top(self) -> int:
        return self.stack[-1]

    def get_min(self) -> int:
        return self.mins[-1]
