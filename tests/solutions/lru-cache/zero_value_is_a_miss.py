# expect: wrong_answer zero_key_and_zero_value
# Tests the stored value for truthiness: a stored value of 0 is reported as a miss (-1).
class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[int, int] = {}

    def get(self, key: int) -> int:
        value = self.data.pop(key, None)
        if not value:
            return -1
        self.data[key] = value
        return value

    def put(self, key: int, value: int) -> None:
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            del self.data[next(iter(self.data))]
        self.data[key] = value
