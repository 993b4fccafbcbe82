# expect: passed
# Correct alternative: a table of discounts shared by DCG and IDCG, and running sums.
from math import log2


def recall_and_ndcg(rankings, relevance, k):
    discount = [1.0 / log2(r + 2) for r in range(k)]  # discount[r] for 0-based position r
    n = 0
    recall_sum = ndcg_sum = 0.0
    for ranked, grades in zip(rankings, relevance):
        n_relevant = sum(1 for g in grades.values() if g > 0)
        if n_relevant == 0:
            continue
        n += 1
        hits = dcg = 0.0
        for r, doc in enumerate(ranked[:k]):
            g = grades.get(doc, 0)
            if g > 0:
                hits += 1
                dcg += (2**g - 1) * discount[r]
        best = sorted((g for g in grades.values() if g > 0), reverse=True)
        idcg = sum((2**g - 1) * discount[r] for r, g in enumerate(best[:k]))
        recall_sum += hits / n_relevant
        ndcg_sum += dcg / idcg
    return (recall_sum / n, ndcg_sum / n) if n else (0.0, 0.0)
