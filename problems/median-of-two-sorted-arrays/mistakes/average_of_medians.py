# mistake: matches the average of the two medians: that is not the median of the union
def median(xs):
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def find_median_sorted_arrays(nums1, nums2):
    if not nums1:
        return float(median(nums2))
    if not nums2:
        return float(median(nums1))
    return (median(nums1) + median(nums2)) / 2
