# expect: time_limit largest_input_within_time_limit
# Right answers, but builds all n^n index sequences and keeps those without a repeat: 1.7 * 10^7 for n = 8.
def permute(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    result = []

    def build(seq):
        if len(seq) == n:
            if len(set(seq)) == n:
                result.append([nums[i] for i in seq])
            return
        for i in range(n):
            build(seq + [i])

    build([])
    return result
