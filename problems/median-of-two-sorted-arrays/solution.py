def find_median_sorted_arrays(nums1, nums2):
    """Median of the multiset union of two sorted lists (total length >= 1), as a float."""
    total = len(nums1) + len(nums2)
    # Merge with two pointers, stopping just past the middle.
    i = j = 0
    prev = cur = 0
    for _ in range(total // 2 + 1):
        prev = cur
        if j >= len(nums2) or (i < len(nums1) and nums1[i] <= nums2[j]):
            cur = nums1[i]
            i += 1
        else:
            cur = nums2[j]
            j += 1
    if total % 2 == 1:
        return float(cur)
    return (prev + cur) / 2
