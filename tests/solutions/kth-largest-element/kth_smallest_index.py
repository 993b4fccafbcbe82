# expect: wrong_answer classic_examples
# Quickselect for index k - 1 in increasing order: returns the k-th smallest, not the k-th largest.
import random


def kth_largest(nums, k):
    items = nums
    while True:
        pivot = random.choice(items)
        less = [x for x in items if x < pivot]
        equal = [x for x in items if x == pivot]
        if k <= len(less):
            items = less
        elif k <= len(less) + len(equal):
            return pivot
        else:
            k -= len(less) + len(equal)
            items = [x for x in items if x > pivot]
