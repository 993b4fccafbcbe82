# expect: wrong_answer only_the_top_k_count
# Forgets to cut the ranking at k: documents below rank k still add to recall and DCG.
import math


def recall_and_ndcg(rankings, relevance, k):
    recalls, ndcgs = [], []
    for ranked, grades in zip(rankings, relevance):
        relevant = {d for d, g in grades.items() if g > 0}
        if not relevant:
            continue
        recalls.append(len(relevant.intersection(ranked)) / len(relevant))
        dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked))
        ideal = sorted(grades.values(), reverse=True)[:k]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcgs.append(dcg / idcg)
    if not recalls:
        return 0.0, 0.0
    return sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs)
