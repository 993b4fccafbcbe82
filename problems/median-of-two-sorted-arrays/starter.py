def find_median_sorted_arrays(nums1: list[int], nums2: list[int]) -> float:
    """Return the median of all the numbers of two sorted lists, as a float.

    Odd total length: the middle value. Even: the mean of the two middle values.
    One list may be empty; the total length is at least 1.
    """
    raise NotImplementedError
