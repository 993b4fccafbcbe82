# expect: wrong_answer does_not_sort_the_input
# Sorts the list in place with list.sort() instead of selecting.
def kth_largest(nums, k):
    nums.sort()
    return nums[len(nums) - k]
