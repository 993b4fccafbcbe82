# expect: wrong_answer small_corpus_default_parameters
# Inverts the length ratio (avgdl / |d| instead of |d| / avgdl): long documents get boosted.
import math
from collections import Counter


def bm25_scores(query, documents, k1=1.5, b=0.75):
    n_docs = len(documents)
    avgdl = sum(map(len, documents)) / n_docs
    df = Counter(t for doc in documents for t in set(doc))
    out = []
    for doc in documents:
        tf = Counter(doc)
        s = 0.0
        for t in query:
            if tf[t]:
                idf = math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * avgdl / len(doc)))
        out.append(s)
    return out
