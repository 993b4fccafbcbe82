# expect: wrong_answer tie_between_merged_symbols
# Keeps words as space-separated strings and merges with str.replace("a b", "ab"): matches across symbol boundaries.
from collections import Counter


def bpe_train_and_encode(corpus, num_merges, words):
    vocab = Counter(" ".join(w) for w in corpus)
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, f in vocab.items():
            s = word.split()
            for p in zip(s, s[1:]):
                pairs[p] += f
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        vocab = Counter({w.replace(" ".join(best), "".join(best)): f for w, f in vocab.items()})
    out = []
    for w in words:
        s = " ".join(w)
        for m in merges:
            s = s.replace(" ".join(m), "".join(m))
        out.append(s.split())
    return merges, out
