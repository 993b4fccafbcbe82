# expect: forbidden_api does_not_sort_the_input
# Sorts the list with sorted(), which this problem forbids.
def kth_largest(nums, k):
    return sorted(nums, reverse=True)[k - 1]
