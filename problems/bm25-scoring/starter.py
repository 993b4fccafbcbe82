import math


def bm25_scores(query: list[str], documents: list[list[str]], k1: float = 1.5, b: float = 0.75) -> list[float]:
    """Okapi BM25 score of the query against every document, in document order.

    idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5)), n_t = number of documents containing t.
    score(d) = sum over query tokens t (repeats count) of
               idf(t) * f(t, d) * (k1 + 1) / (f(t, d) + k1 * (1 - b + b * |d| / avgdl)).
    """
    raise NotImplementedError
