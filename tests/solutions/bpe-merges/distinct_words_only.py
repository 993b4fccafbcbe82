# expect: wrong_answer more_merges_on_the_classic_corpus
# Counts each distinct word once (a set of the corpus): the word frequencies are ignored.
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
    splits = {w: list(w) for w in set(corpus)}
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for s in splits.values():
            for p in zip(s, s[1:]):
                pairs[p] = pairs.get(p, 0) + 1
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
