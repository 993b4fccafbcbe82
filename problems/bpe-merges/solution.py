from collections import Counter


def merge_symbols(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replace each non-overlapping occurrence of pair, scanning left to right, by its concatenation."""
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(pair[0] + pair[1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def bpe_train_and_encode(
    corpus: list[str], num_merges: int, words: list[str]
) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """Recount the pairs after every merge (the corpus is tiny), then replay the merges on each word."""
    freq = Counter(corpus)
    splits = {word: list(word) for word in freq}
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for word, f in freq.items():
            symbols = splits[word]
            for pair in zip(symbols, symbols[1:]):  # every position: overlaps count
                pairs[pair] += f
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))  # most frequent, then the smallest pair
        merges.append(best)
        for word in splits:
            splits[word] = merge_symbols(splits[word], best)
    encodings = []
    for word in words:
        symbols = list(word)
        for pair in merges:
            symbols = merge_symbols(symbols, pair)
        encodings.append(symbols)
    return merges, encodings
