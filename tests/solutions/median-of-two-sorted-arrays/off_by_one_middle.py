# expect: wrong_answer odd_total_length
# Uses the 1-based middle position as a 0-based index: merged[(n + 1) // 2] is one past the middle.
def find_median_sorted_arrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    n = len(merged)
    mid = (n + 1) // 2
    if n % 2:
        return float(merged[mid])
    return (merged[mid] + merged[mid - 1]) / 2
