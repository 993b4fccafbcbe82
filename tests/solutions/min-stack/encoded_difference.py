# expect: passed
# Correct alternative: O(1) extra space, each entry stored as its difference from the minimum below it.
class MinStack:
    def __init__(self) -> None:
        self.diffs = []
        self.low = 0

    def push(self, val: int) -> None:
        if not self.diffs:
            self.diffs.append(0)
            self.low = val
        else:
            self.diffs.append(val - self.low)
            if val < self.low:
                self.low = val

    def pop(self) -> None:
        d = self.diffs.pop()
        if d < 0:
            self.low -= d

    def top(self) -> int:
        d = self.diffs[-1]
        return self.low if d < 0 else self.low + d

    def get_min(self) -> int:
        return self.low
