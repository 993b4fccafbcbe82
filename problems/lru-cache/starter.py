class LRUCache:
    """A cache of at most `capacity` keys that evicts the least recently used key when full.

    get(key) returns the value or -1 and, on a hit, makes key the most recently used.
    put(key, value) inserts or updates key and makes it the most recently used; inserting a new
    key into a full cache first evicts the least recently used key. Both in O(1) average time.
    collections.OrderedDict and functools.lru_cache are forbidden.
    """

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def get(self, key: int) -> int:
        raise NotImplementedError

    def put(self, key: int, value: int) -> None:
        raise NotImplementedError
