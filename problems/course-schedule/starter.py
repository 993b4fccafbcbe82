def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    """The lexicographically smallest order to take all courses, or [] if impossible.

    A pair [a, b] means course b must be taken before course a. At every step take the
    smallest-numbered course whose prerequisites are all taken. A cycle (or a self-loop
    [a, a]) makes it impossible: return [].
    """
    raise NotImplementedError
