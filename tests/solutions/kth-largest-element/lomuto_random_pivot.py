# expect: time_limit large_input_with_few_distinct_values
# Random pivot but a two-way (Lomuto) partition: each round removes one element when all values are equal.
import random


def kth_largest(nums, k):
    target = k - 1
    lo, hi = 0, len(nums) - 1
    while True:
        r = random.randint(lo, hi)
        nums[r], nums[hi] = nums[hi], nums[r]
        pivot = nums[hi]
        store = lo
        for i in range(lo, hi):
            if nums[i] > pivot:
                nums[i], nums[store] = nums[store], nums[i]
                store += 1
        nums[store], nums[hi] = nums[hi], nums[store]
        if store == target:
            return nums[store]
        if store < target:
            lo = store + 1
        else:
            hi = store - 1
