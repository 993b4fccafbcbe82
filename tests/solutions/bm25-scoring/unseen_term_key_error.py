# expect: runtime_error unseen_and_empty_queries_score_zero
# Builds idf only for corpus terms and indexes it with every query term: KeyError on an unseen one.
import math
from collections import Counter


def bm25_scores(query, documents, k1=1.5, b=0.75):
    n_docs = len(documents)
    avgdl = sum(map(len, documents)) / n_docs
    df = Counter(t for doc in documents for t in set(doc))
    idf = {t: math.log(1 + (n_docs - n + 0.5) / (n + 0.5)) for t, n in df.items()}
    out = []
    for doc in documents:
        tf = Counter(doc)
        s = 0.0
        for t in query:
            s += idf[t] * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(s)
    return out
