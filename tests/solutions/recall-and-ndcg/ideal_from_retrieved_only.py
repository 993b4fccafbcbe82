# expect: wrong_answer single_query_binary_relevance
# Builds the ideal DCG by re-sorting the retrieved top k only, ignoring relevant documents that were missed.
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        relevant = [d for d, g in grades.items() if g > 0]
        if not relevant:
            continue
        top = ranked[:k]
        recalls.append(len([d for d in top if d in relevant]) / len(relevant))
        got = [grades.get(d, 0) for d in top]
        dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(got))
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(got, reverse=True)))
        ndcgs.append(dcg / idcg if idcg > 0 else 0.0)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
