# expect: wrong_answer put_then_get_without_eviction
# Off-by-one: evicts once the size reaches the capacity after inserting, so the cache holds capacity - 1 keys.
class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[int, int] = {}

    def get(self, key: int) -> int:
        if key not in self.data:
            return -1
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key: int, value: int) -> None:
        self.data.pop(key, None)
        self.data[key] = value
        if len(self.data) >= self.capacity:
            del self.data[next(iter(self.data))]
