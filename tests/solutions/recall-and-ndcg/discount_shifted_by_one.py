# expect: wrong_answer single_query_binary_relevance
# Off-by-one in the discount: log2(i + 2) with 1-based ranks, so rank 1 is divided by log2(3).
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        relevant = {d for d, g in grades.items() if g > 0}
        if not relevant:
            continue
        top = ranked[:k]
        recalls.append(len(relevant.intersection(top)) / len(relevant))
        dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(top, start=1))
        ideal = sorted(grades.values(), reverse=True)[:k]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal, start=1))
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
