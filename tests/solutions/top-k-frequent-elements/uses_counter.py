# expect: forbidden_api classic_examples
# Hands the problem to collections.Counter.most_common, which the statement forbids.
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    count = Counter(nums)
    return [v for v, _ in sorted(count.most_common(), key=lambda p: (-p[1], p[0]))[:k]]
