# expect: runtime_error one_array_empty
# A "fast path" that reads nums1[-1] and nums2[0] before checking for an empty list.
def find_median_sorted_arrays(nums1, nums2):
    if nums1[-1] <= nums2[0]:
        merged = nums1 + nums2
    elif nums2[-1] <= nums1[0]:
        merged = nums2 + nums1
    else:
        merged = sorted(nums1 + nums2)
    n = len(merged)
    if n % 2:
        return float(merged[n // 2])
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
