# expect: wrong_answer classic_examples
# Picks the right k values but returns them in the order they first appear in nums, not by count.
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    count = {}
    for x in nums:
        count[x] = count.get(x, 0) + 1
    ranked = sorted(count, key=lambda v: (-count[v], v))[:k]
    chosen = set(ranked)
    return [v for v in count if v in chosen]
