# expect: time_limit large_sorted_input
# In-place quickselect (Lomuto) with the first element as pivot: O(n^2) on sorted input.
def kth_largest(nums, k):
    target = k - 1  # position in decreasing order
    lo, hi = 0, len(nums) - 1
    while True:
        pivot = nums[lo]
        store = lo + 1
        for i in range(lo + 1, hi + 1):
            if nums[i] > pivot:
                nums[i], nums[store] = nums[store], nums[i]
                store += 1
        nums[lo], nums[store - 1] = nums[store - 1], nums[lo]
        p = store - 1
        if p == target:
            return nums[p]
        if p < target:
            lo = p + 1
        else:
            hi = p - 1
