# expect: wrong_answer merges_are_non_overlapping_left_to_right
# Trains correctly but encodes by greedy longest match against the learned vocabulary.
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
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        splits = {w: _merge(s, best) for w, s in splits.items()}
    vocab = {a + b for a, b in merges}
    out = []
    for w in words:
        s, i = [], 0
        while i < len(w):
            j = len(w)
            while j > i + 1 and w[i:j] not in vocab:
                j -= 1
            s.append(w[i:j])
            i = j
        out.append(s)
    return merges, out
