# expect: wrong_answer idf_is_lucene_variant_for_common_terms
# Counts every occurrence of a term as its document frequency ("the" twice in one document counts 2); n can exceed N.
import math
from collections import Counter


def bm25_scores(query, documents, k1=1.5, b=0.75):
    n_docs = len(documents)
    avgdl = sum(map(len, documents)) / n_docs
    df = Counter(t for doc in documents for t in doc)
    out = []
    for doc in documents:
        tf = Counter(doc)
        s = 0.0
        for t in query:
            if tf[t]:
                idf = math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(s)
    return out
