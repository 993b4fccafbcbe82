# expect: wrong_answer empty_ranking_counts_as_zero
# Skips queries whose ranking is empty, though their relevant documents make them count (as 0) in both means.
import math


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
        if not ranked:
            continue  # nothing retrieved: nothing to score
        top = ranked[:k]
        recalls.append(sum(doc in relevant for doc in top) / len(relevant))
        dcg = _dcg([grades.get(doc, 0) for doc in top])
        # The ideal ranking uses every judged document, retrieved or not.
        idcg = _dcg(sorted(grades.values(), reverse=True)[:k])
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
