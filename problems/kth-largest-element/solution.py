import random


def kth_largest(nums: list[int], k: int) -> int:
    """The k-th largest value of nums, duplicates counted: quickselect, three-way partition."""
    items = nums
    while True:
        pivot = random.choice(items)  # a random pivot: no fixed input is a worst case
        greater = [x for x in items if x > pivot]
        if k <= len(greater):
            items = greater
            continue
        # All values equal to the pivot are settled at once, so many duplicates cost nothing.
        n_equal = sum(1 for x in items if x == pivot)
        if k <= len(greater) + n_equal:
            return pivot
        k -= len(greater) + n_equal
        items = [x for x in items if x < pivot]
