# expect: forbidden_api small_corpus_default_parameters
# Takes the mean document length with numpy, which the problem forbids (standard library only).
import math

import numpy as np
from collections import Counter


def bm25_scores(query: list[str], documents: list[list[str]], k1: float = 1.5, b: float = 0.75) -> list[float]:
    """Okapi BM25 score of the query against every document, in document order."""
    n_docs = len(documents)
    avgdl = float(np.mean([len(d) for d in documents]))
    # Document frequency: in how many documents each term appears (once per document).
    df = Counter()
    for doc in documents:
        df.update(set(doc))
    idf = {t: math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5)) for t in set(query)}
    scores = []
    for doc in documents:
        tf = Counter(doc)
        norm = k1 * (1 - b + b * len(doc) / avgdl)
        score = 0.0
        for t in query:  # a repeated query term contributes once per occurrence
            f = tf[t]
            if f:
                score += idf[t] * f * (k1 + 1) / (f + norm)
        scores.append(score)
    return scores
