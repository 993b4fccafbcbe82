# expect: wrong_answer put_existing_key_updates_value_and_recency
# put on an existing key only overwrites the value: the key keeps its old place in the recency order.
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
        if key in self.data:
            self.data[key] = value
            return
        if len(self.data) == self.capacity:
            del self.data[next(iter(self.data))]
        self.data[key] = value
