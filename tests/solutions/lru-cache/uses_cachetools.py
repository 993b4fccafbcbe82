# expect: forbidden_api put_then_get_without_eviction
# Wraps cachetools.LRUCache, a ready-made LRU cache; the problem is standard library only.
import cachetools


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.data = cachetools.LRUCache(maxsize=capacity)

    def get(self, key: int) -> int:
        return self.data.get(key, -1)

    def put(self, key: int, value: int) -> None:
        self.data[key] = value
