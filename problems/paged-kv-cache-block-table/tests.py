"""Hidden tests for paged-kv-cache-block-table."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, raises, tensor, test, unpack

H, D = 2, 3  # num_heads != head_dim so a transposed layout shows


def tokens(seed, n, dtype=torch.float32):
    """k and v for n new tokens, (n, H, D) each, seeded."""
    r = Rand(seed)
    return r.randn(n, H, D).to(dtype), r.randn(n, H, D).to(dtype)


def gathered(cache, seq_id):
    k, v = unpack(cache.gather(seq_id), 2, f"gather({seq_id})")
    return {f"gather({seq_id}) k": tensor(k, "k"), f"gather({seq_id}) v": tensor(v, "v")}


def table(cache, seq_id):
    t = cache.block_table(seq_id)
    if not isinstance(t, (list, tuple)):
        raise WrongAnswer(f"block_table({seq_id}) should return a list of ints, got {type(t).__name__}")
    return [int(b) for b in t]


def state(cache, *seq_ids):
    """Block tables, lengths and the free count: the allocator's whole bookkeeping."""
    out = {f"block_table({s})": table(cache, s) for s in seq_ids}
    out.update({f"seq_len({s})": cache.seq_len(s) for s in seq_ids})
    out["num_free_blocks()"] = cache.num_free_blocks()
    return out


@test
def tokens_fill_the_last_block_before_taking_a_new_one(cls):
    # block_size 4: appends of 3, 1, 2 and 2 tokens use blocks 0 and 1 only.
    cache = cls(8, 4, H, D)
    cache.allocate(0)
    history = []
    for i, n in enumerate((3, 1, 2, 2)):
        cache.append(0, *tokens(10 + i, n))
        history.append(state(cache, 0))
    return {"state after each append": history}


@test
def full_block_takes_no_new_block_until_the_next_token(cls):
    cache = cls(6, 4, H, D)
    cache.allocate(3)
    cache.append(3, *tokens(20, 4))
    exactly_full = state(cache, 3)
    cache.append(3, *tokens(21, 1))
    return {"after 4 tokens": exactly_full, "after 5 tokens": state(cache, 3)}


@test
def allocate_takes_no_block(cls):
    cache = cls(5, 2, H, D)
    cache.allocate(11)
    cache.allocate(12)
    return state(cache, 11, 12)


@test
def gather_returns_tokens_in_order(cls):
    cache = cls(8, 3, H, D)
    cache.allocate(1)
    for i, n in enumerate((2, 5, 1)):
        cache.append(1, *tokens(30 + i, n))
    return gathered(cache, 1)


@test
def interleaved_sequences_get_interleaved_blocks(cls):
    # Two sequences growing in turns: their blocks interleave in the pool, and gather follows
    # each block table, not the physical order.
    cache = cls(10, 2, H, D)
    cache.allocate(5)
    cache.allocate(8)
    for i, (seq, n) in enumerate(((5, 3), (8, 2), (5, 2), (8, 3), (5, 1))):
        cache.append(seq, *tokens(40 + i, n))
    return {**state(cache, 5, 8), **gathered(cache, 5), **gathered(cache, 8)}


@test
def tokens_land_in_their_physical_slots(cls):
    # k_cache[table[p // block_size], p % block_size] is token p's key.
    cache = cls(6, 4, H, D)
    cache.allocate(0)
    cache.allocate(1)
    cache.append(1, *tokens(50, 2))
    cache.append(0, *tokens(51, 7))
    cache.append(1, *tokens(52, 3))
    return {"k_cache": tensor(cache.k_cache, "k_cache"), "v_cache": tensor(cache.v_cache, "v_cache")}


@test
def pool_shape_and_dtype(cls):
    cache = cls(3, 5, H, D, dtype=torch.float64)
    return {"k_cache": tensor(cache.k_cache, "k_cache"), "v_cache": tensor(cache.v_cache, "v_cache")}


@test
def freed_blocks_are_reused_lowest_first(cls):
    cache = cls(8, 2, H, D)
    for s in (0, 1, 2):
        cache.allocate(s)
    cache.append(0, *tokens(60, 3))  # blocks 0, 1
    cache.append(1, *tokens(61, 4))  # blocks 2, 3
    cache.append(2, *tokens(62, 2))  # block 4
    cache.free(1)
    cache.free(0)  # free: 0, 1, 2, 3, 5, 6, 7
    cache.allocate(9)
    cache.append(9, *tokens(63, 5))  # blocks 0, 1, 2
    return {**state(cache, 2, 9), **gathered(cache, 9), **gathered(cache, 2)}


@test
def free_returns_every_block(cls):
    cache = cls(6, 3, H, D)
    cache.allocate(4)
    cache.append(4, *tokens(70, 7))
    before = cache.num_free_blocks()
    cache.free(4)
    after = cache.num_free_blocks()
    cache.allocate(4)  # the id may be used again
    return {"free before": before, "free after": after, **state(cache, 4), **gathered(cache, 4)}


@test
def running_out_of_blocks_raises_and_changes_nothing(cls):
    cache = cls(3, 2, H, D)
    cache.allocate(0)
    cache.append(0, *tokens(80, 3))  # blocks 0, 1 (one slot left)
    before = state(cache, 0)
    _k, _v = gathered(cache, 0).values()
    outcome = raises(RuntimeError, cache.append, 0, *tokens(81, 4))  # needs 2 more blocks, 1 free
    return {
        "append(0, 4 tokens)": outcome,
        "state before": before,
        "state after": state(cache, 0),
        "gather k unchanged": bool(torch.equal(gathered(cache, 0)["gather(0) k"], _k)),
        "gather v unchanged": bool(torch.equal(gathered(cache, 0)["gather(0) v"], _v)),
        "k_cache": cache.k_cache,
    }


@test
def exact_fit_uses_the_last_free_block(cls):
    cache = cls(3, 2, H, D)
    cache.allocate(0)
    cache.append(0, *tokens(85, 3))
    cache.append(0, *tokens(86, 3))  # 1 slot left in block 1, then block 2: fits exactly
    return {**state(cache, 0), **gathered(cache, 0)}


@test
def empty_sequence_gathers_nothing(cls):
    cache = cls(4, 2, H, D)
    cache.allocate(2)
    return gathered(cache, 2)


@test
def errors_for_unknown_and_duplicate_sequences(cls):
    cache = cls(4, 2, H, D)
    cache.allocate(1)
    cache.append(1, *tokens(90, 1))
    return {
        "allocate(1) again": raises(ValueError, cache.allocate, 1),
        "append(6, ...)": raises(KeyError, cache.append, 6, *tokens(91, 1)),
        "free(6)": raises(KeyError, cache.free, 6),
        **state(cache, 1),
    }


@test
def append_copies_the_values(cls):
    cache = cls(4, 4, H, D)
    cache.allocate(0)
    k, v = tokens(95, 3)
    cache.append(0, k, v)
    k.zero_()
    v.zero_()
    return gathered(cache, 0)


@test
def gather_returns_new_tensors(cls):
    cache = cls(4, 4, H, D)
    cache.allocate(0)
    cache.append(0, *tokens(96, 3))
    k, v = unpack(cache.gather(0), 2, "gather(0)")
    k.zero_()
    v.zero_()
    return gathered(cache, 0)


@test
def block_size_one_and_the_largest_pool(cls):
    # The bounds: one token per block, and 64 blocks of 16 tokens with 8 heads of size 8.
    tiny = cls(5, 1, H, D)
    tiny.allocate(0)
    tiny.append(0, *tokens(97, 3))
    r = Rand(98)
    big = cls(64, 16, 8, 8)
    big.allocate(0)
    big.append(0, r.randn(40, 8, 8), r.randn(40, 8, 8))
    big.allocate(1)
    big.append(1, r.randn(16, 8, 8), r.randn(16, 8, 8))
    return {
        "block_size=1": {**state(tiny, 0), **gathered(tiny, 0)},
        "64 blocks of 16": {**state(big, 0, 1), **gathered(big, 0), **gathered(big, 1)},
    }


@test
def random_workload_matches_reference(cls):
    # Sequences start, grow by random amounts and finish, with the pool sometimes full.
    r = Rand(7).py
    cache = cls(24, 3, H, D)
    live, next_id, log = [], 0, []
    for step in range(120):
        action = r.random()
        if action < 0.15 or not live:
            cache.allocate(next_id)
            live.append(next_id)
            next_id += 1
        elif action < 0.3 and len(live) > 1:
            cache.free(live.pop(r.randrange(len(live))))
        else:
            seq = r.choice(live)
            log.append(raises(RuntimeError, cache.append, seq, *tokens(1000 + step, r.randint(1, 7))))
    return {"append outcomes": log, **state(cache, *live), **{k: v for s in live for k, v in gathered(cache, s).items()}}
