# mistake: one position past the middle: with 0-based indices the middle of n values is n // 2
def find_median_sorted_arrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    n = len(merged)
    mid = (n + 1) // 2
    if n % 2:
        return float(merged[mid])
    return (merged[mid] + merged[mid - 1]) / 2
