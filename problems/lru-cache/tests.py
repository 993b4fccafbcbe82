"""Hidden tests for lru-cache."""

from mlkata.judge.api import Fail, Rand, describe, short, test

SHOWN_BEFORE = 8


def replay(cache_cls, capacity, ops):
    """Run ops on a fresh cache; the result of every get (None for a put)."""
    cache = cache_cls(capacity)
    results = []
    for op in ops:
        if op[0] == "get":
            results.append(cache.get(op[1]))
        else:
            cache.put(op[1], op[2])
            results.append(None)
    return {"results": results}


def fmt_op(op, result=None):
    if op[0] == "get":
        return f"get({op[1]}) -> {result}"
    return f"put({op[1]}, {op[2]})"


def checker(capacity, make_ops):
    """Compare the get results one by one and show the operations leading to the first difference."""

    def check(expected, got):
        ops = make_ops()
        want, have = expected["results"], got["results"]
        for i, (op, e, g) in enumerate(zip(ops, want, have, strict=True)):
            if op[0] != "get" or (type(g) is int and g == e):
                continue
            start = max(0, i - SHOWN_BEFORE)
            before = [fmt_op(ops[j], want[j]) for j in range(start, i)]
            prefix = f"LRUCache({capacity}): " + ("... " if start else "")
            where = f" (operation {i + 1} of {len(ops)})" if len(ops) > SHOWN_BEFORE + 1 else ""
            got_text = short(g) if g is None or type(g) is int else describe(g)
            raise Fail(f"{prefix}{', '.join([*before, f'get({op[1]})'])}: expected {e}, got {got_text}{where}")

    return check


def random_ops(seed, n, keys, get_share=0.5):
    r = Rand(seed).py
    ops = []
    for _ in range(n):
        if r.random() < get_share:
            ops.append(("get", r.randrange(keys)))
        else:
            ops.append(("put", r.randrange(keys), r.randrange(10**9)))
    return ops


BASIC = [
    ("get", 7),
    ("put", 1, 10),
    ("put", 2, 20),
    ("put", 3, 30),
    ("get", 1),
    ("get", 2),
    ("get", 3),
    ("get", 4),
    ("get", 0),
]


@test(check=checker(3, lambda: BASIC))
def put_then_get_without_eviction(cache_cls):
    # Exactly `capacity` keys: nothing may be evicted; missing keys give -1.
    return replay(cache_cls, 3, BASIC)


EVICT = [
    ("put", 1, 1),
    ("put", 2, 2),
    ("put", 3, 3),
    ("put", 4, 4),
    ("get", 1),
    ("get", 2),
    ("get", 3),
    ("get", 4),
    ("put", 5, 5),
    ("get", 2),
    ("get", 5),
]


@test(check=checker(3, lambda: EVICT))
def evicts_least_recently_used_on_insert(cache_cls):
    return replay(cache_cls, 3, EVICT)


GET_REFRESH = [
    ("put", 1, 1),
    ("put", 2, 2),
    ("get", 1),
    ("put", 3, 3),
    ("get", 2),
    ("get", 1),
    ("get", 3),
    ("put", 4, 4),
    ("get", 1),
    ("get", 3),
    ("get", 4),
]


@test(check=checker(2, lambda: GET_REFRESH))
def get_refreshes_recency(cache_cls):
    # The LeetCode example: a get hit makes the key the most recently used.
    return replay(cache_cls, 2, GET_REFRESH)


PUT_REFRESH = [
    ("put", 1, 1),
    ("put", 2, 2),
    ("put", 3, 3),
    ("put", 1, 100),
    ("put", 4, 4),
    ("get", 2),
    ("get", 1),
    ("get", 3),
    ("get", 4),
]


@test(check=checker(3, lambda: PUT_REFRESH))
def put_existing_key_updates_value_and_recency(cache_cls):
    return replay(cache_cls, 3, PUT_REFRESH)


UPDATE_FULL = [
    ("put", 1, 1),
    ("put", 2, 2),
    ("put", 2, 20),
    ("get", 1),
    ("get", 2),
    ("put", 1, 10),
    ("put", 1, 11),
    ("get", 2),
    ("get", 1),
]


@test(check=checker(2, lambda: UPDATE_FULL))
def update_at_full_capacity_does_not_evict(cache_cls):
    return replay(cache_cls, 2, UPDATE_FULL)


CAPACITY_ONE = [
    ("put", 5, 50),
    ("get", 5),
    ("put", 5, 55),
    ("get", 5),
    ("put", 6, 60),
    ("get", 5),
    ("get", 6),
    ("get", 6),
    ("put", 7, 70),
    ("get", 6),
    ("get", 7),
]


@test(check=checker(1, lambda: CAPACITY_ONE))
def capacity_one(cache_cls):
    return replay(cache_cls, 1, CAPACITY_ONE)


ZERO = [
    ("put", 0, 0),
    ("put", 1, 7),
    ("get", 0),
    ("put", 2, 0),
    ("get", 1),
    ("get", 2),
    ("get", 0),
]


@test(check=checker(2, lambda: ZERO))
def zero_key_and_zero_value(cache_cls):
    # Key 0 and value 0 are valid (keys in [0, 10^5], values in [0, 10^9]): 0 is a hit, not a miss.
    return replay(cache_cls, 2, ZERO)


def random_small():
    return random_ops(7, 400, keys=8)


@test(check=checker(4, random_small))
def random_operations_small_key_space(cache_cls):
    # 8 keys through a cache of 4: hits, misses, updates and evictions all interleave.
    return replay(cache_cls, 4, random_small())


LARGE_CAPACITY = 60_000
LARGE_KEYS = 90_000


def large():
    # The cache is filled first, so every later hit finds it full.
    r = Rand(9).py
    keys = list(range(LARGE_KEYS))
    r.shuffle(keys)
    fill = [("put", k, r.randrange(10**9)) for k in keys[:LARGE_CAPACITY]]
    return fill + random_ops(8, 100_000, keys=LARGE_KEYS)


@test(check=checker(LARGE_CAPACITY, large))
def large_sequence_within_time_limit(cache_cls):
    # 1.6 * 10^5 operations on a cache of 6 * 10^4 keys: O(capacity) work per operation is too slow.
    return replay(cache_cls, LARGE_CAPACITY, large())
