# expect: passed
# Correct alternative: sort the concatenation (O((m+n) log(m+n)) is within the limit) and index the middle.
def find_median_sorted_arrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    n = len(merged)
    if n % 2:
        return merged[n // 2]
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
