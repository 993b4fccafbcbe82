# expect: wrong_answer even_total_length
# Floor division for the even case: (4 + 7) // 2 == 5 instead of 5.5.
def find_median_sorted_arrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    n = len(merged)
    if n % 2:
        return merged[n // 2]
    return (merged[n // 2 - 1] + merged[n // 2]) // 2
