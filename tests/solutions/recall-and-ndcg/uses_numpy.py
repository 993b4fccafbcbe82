# expect: forbidden_api single_query_binary_relevance
# Averages with numpy, which the problem forbids (standard library only).
import math

import numpy as np


def _dcg(grades):
    """DCG of grades listed in rank order (rank 1 first): gain 2^g - 1, discount log2(rank + 1)."""
    return sum((2**g - 1) / math.log2(rank + 1) for rank, g in enumerate(grades, start=1))


def recall_and_ndcg(rankings: list[list[str]], relevance: list[dict[str, int]], k: int) -> tuple[float, float]:
    """Mean recall@k and mean NDCG@k over the queries that have at least one relevant document."""
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        relevant = {doc for doc, g in grades.items() if g > 0}
        if not relevant:
            continue  # recall and NDCG are undefined: the query is left out of both means
        top = ranked[:k]
        recalls.append(sum(doc in relevant for doc in top) / len(relevant))
        dcg = _dcg([grades.get(doc, 0) for doc in top])
        # The ideal ranking uses every judged document, retrieved or not.
        idcg = _dcg(sorted(grades.values(), reverse=True)[:k])
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return float(np.mean(recalls)), float(np.mean(ndcgs))
