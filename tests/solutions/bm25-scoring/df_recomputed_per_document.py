# expect: time_limit large_corpus_within_time_limit
# Right formula, but rescans the whole corpus for every (document, query term) pair: O(N^2).
import math


def bm25_scores(query, documents, k1=1.5, b=0.75):
    n_docs = len(documents)
    scores = []
    for doc in documents:
        avgdl = sum(len(d) for d in documents) / n_docs
        s = 0.0
        for t in query:
            f = doc.count(t)
            if f == 0:
                continue
            n = sum(1 for d in documents if t in d)
            idf = math.log(1 + (n_docs - n + 0.5) / (n + 0.5))
            s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(doc) / avgdl))
        scores.append(s)
    return scores
