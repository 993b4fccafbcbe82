# expect: wrong_answer repeated_query_terms_count_each_time
# Iterates over set(query): a term repeated in the query is counted once.
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
        for t in set(query):
            if tf[t]:
                idf = math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(s)
    return out
