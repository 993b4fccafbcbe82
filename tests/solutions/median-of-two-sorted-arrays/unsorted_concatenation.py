# expect: wrong_answer odd_total_length
# Takes the middle of nums1 + nums2 without sorting: the concatenation of two sorted lists is not sorted.
def find_median_sorted_arrays(nums1, nums2):
    merged = nums1 + nums2
    n = len(merged)
    if n % 2:
        return float(merged[n // 2])
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
