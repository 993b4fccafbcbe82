# expect: wrong_answer single_query_binary_relevance
# Divides the hits by k (that is precision@k), not by the number of relevant documents.
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        if not any(g > 0 for g in grades.values()):
            continue
        top = ranked[:k]
        recalls.append(sum(1 for d in top if grades.get(d, 0) > 0) / k)
        dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(top))
        ideal = sorted(grades.values(), reverse=True)[:k]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
