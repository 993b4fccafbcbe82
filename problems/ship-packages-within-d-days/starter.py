def ship_within_days(weights: list[int], days: int) -> int:
    """The least capacity that ships the packages, in their given order, within `days` days.

    Each day takes a contiguous run of packages whose total weight is at most the capacity.
    Do not modify weights.
    """
    raise NotImplementedError
