def edit_distance(word1: str, word2: str) -> int:
    """Levenshtein distance: the minimum number of single-character insertions, deletions and
    substitutions (each costing 1) that turn word1 into word2.

    word1, word2: 0 to 700 lowercase letters each.
    """
    raise NotImplementedError
