# expect: wrong_answer overlapping_pairs_count_at_every_position
# Counts a pair's non-overlapping occurrences (what one merge would replace), not every position.
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
            s, i = splits[w], 0
            while i + 1 < len(s):
                p = (s[i], s[i + 1])
                pairs[p] += f
                i += 2 if s[i] == s[i + 1] else 1
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        splits = {w: _merge(s, best) for w, s in splits.items()}
    out = []
    for w in words:
        s = list(w)
        for m in merges:
            s = _merge(s, m)
        out.append(s)
    return merges, out
