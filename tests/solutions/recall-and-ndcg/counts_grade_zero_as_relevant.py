# expect: wrong_answer grade_zero_is_not_relevant
# Treats every judged document as relevant (len(grades)), including those graded 0.
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        if not any(grades.values()):
            continue
        top = ranked[:k]
        recalls.append(sum(1 for d in top if d in grades) / len(grades))
        dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(top))
        ideal = sorted(grades.values(), reverse=True)[:k]
        ndcgs.append(dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal)))
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
