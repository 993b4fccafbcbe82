# expect: time_limit large_arrays_within_time_limit
# Merges with list.pop(0), which shifts the whole list every time: O((m+n)^2) on 10^5 values.
def find_median_sorted_arrays(nums1, nums2):
    merged = []
    while nums1 and nums2:
        if nums1[0] <= nums2[0]:
            merged.append(nums1.pop(0))
        else:
            merged.append(nums2.pop(0))
    merged += nums1 + nums2
    n = len(merged)
    if n % 2:
        return float(merged[n // 2])
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
