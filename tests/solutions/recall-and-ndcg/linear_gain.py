# expect: wrong_answer graded_relevance_uses_exponential_gain
# Uses the grade itself as the gain instead of 2**grade - 1 (identical for binary relevance).
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        relevant = [d for d, g in grades.items() if g > 0]
        if not relevant:
            continue
        top = ranked[:k]
        recalls.append(len([d for d in top if d in relevant]) / len(relevant))
        dcg = sum(grades.get(d, 0) / math.log2(i + 2) for i, d in enumerate(top))
        ideal = sorted(grades.values(), reverse=True)[:k]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
