# expect: wrong_answer ties_broken_by_smaller_value
# Sorts (count, value) pairs in reverse: the most frequent first, but ties put the larger value first.
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    count = {}
    for x in nums:
        count[x] = count.get(x, 0) + 1
    pairs = sorted(((c, v) for v, c in count.items()), reverse=True)
    return [v for _, v in pairs[:k]]
