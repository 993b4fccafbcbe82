# expect: passed
# Correct alternative: an inverted index (term -> {document: frequency}) scored term by term.
import math
from collections import defaultdict


def bm25_scores(query, documents, k1=1.5, b=0.75):
    postings = defaultdict(dict)
    lengths = []
    for i, doc in enumerate(documents):
        lengths.append(len(doc))
        for t in doc:
            postings[t][i] = postings[t].get(i, 0) + 1
    n = len(documents)
    avgdl = sum(lengths) / n
    scores = [0.0] * n
    for t in query:
        docs_with_t = postings.get(t, {})
        idf = math.log(1.0 + (n - len(docs_with_t) + 0.5) / (len(docs_with_t) + 0.5))
        for i, f in docs_with_t.items():
            scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[i] / avgdl))
    return scores
