# expect: passed
# Correct alternative: two lists, values and [minimum, count] runs, so a repeated minimum costs one counter.
class MinStack:
    def __init__(self) -> None:
        self.values = []
        self.runs = []

    def push(self, val: int) -> None:
        self.values.append(val)
        if not self.runs or val < self.runs[-1][0]:
            self.runs.append([val, 1])
        elif val == self.runs[-1][0]:
            self.runs[-1][1] += 1

    def pop(self) -> None:
        val = self.values.pop()
        if val == self.runs[-1][0]:
            self.runs[-1][1] -= 1
            if self.runs[-1][1] == 0:
                self.runs.pop()

    def top(self) -> int:
        return self.values[-1]

    def get_min(self) -> int:
        return self.runs[-1][0]
