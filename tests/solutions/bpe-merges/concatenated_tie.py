# expect: wrong_answer tie_between_merged_symbols
# Breaks ties by the concatenated string a + b instead of the (a, b) tuple.
from collections import Counter


def _merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def bpe_train_and_encode(corpus, num_merges, words):
    freq = Counter(corpus)
    splits = {w: list(w) for w in freq}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for w, f in freq.items():
            for p in zip(splits[w], splits[w][1:]):
                pairs[p] += f
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p[0] + p[1]))
        merges.append(best)
        splits = {w: _merge(s, best) for w, s in splits.items()}
    out = []
    for w in words:
        s = list(w)
        for m in merges:
            s = _merge(s, m)
        out.append(s)
    return merges, out
