# expect: passed
# Correct alternative: bucket sort by count, walking the counts from n down and each bucket in increasing value order.
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    count = {}
    for x in nums:
        count[x] = count.get(x, 0) + 1
    buckets = [[] for _ in range(len(nums) + 1)]
    for v, c in count.items():
        buckets[c].append(v)
    out = []
    for c in range(len(nums), 0, -1):
        for v in sorted(buckets[c]):
            out.append(v)
            if len(out) == k:
                return out
    return out
