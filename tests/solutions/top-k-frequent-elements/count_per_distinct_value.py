# expect: time_limit large_input_within_time_limit
# Right answer, but counts each distinct value with nums.count(v): O(n * d).
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    pairs = [(-nums.count(v), v) for v in set(nums)]
    pairs.sort()
    return [v for _, v in pairs[:k]]
