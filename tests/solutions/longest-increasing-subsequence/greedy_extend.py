# expect: wrong_answer classic_examples
# Greedy: keeps every value larger than the last one kept, starting from the first element.
def longest_increasing_subsequence(nums):
    out = []
    for x in nums:
        if not out or x > out[-1]:
            out.append(x)
    return out
