# expect: passed
# Correct alternative: count with a dict, then sort the distinct values by (count descending, value ascending).
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    freq = {}
    for x in nums:
        freq[x] = freq.get(x, 0) + 1
    return sorted(freq, key=lambda v: (-freq[v], v))[:k]
