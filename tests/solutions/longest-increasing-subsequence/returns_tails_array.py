# expect: wrong_answer tails_array_is_not_a_subsequence
# Returns the patience-sorting tails array: the right length, but usually not a subsequence.
from bisect import bisect_left


def longest_increasing_subsequence(nums):
    tails = []
    for x in nums:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return tails
