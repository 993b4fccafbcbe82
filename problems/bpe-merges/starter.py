def bpe_train_and_encode(
    corpus: list[str], num_merges: int, words: list[str]
) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """Learn up to num_merges BPE merges on corpus (word frequencies = repeats), then encode words.

    Pairs are counted at every position weighted by frequency; ties go to the smallest (first, second)
    tuple; merges replace non-overlapping occurrences left to right. Encoding applies the merges in order.
    """
    raise NotImplementedError
