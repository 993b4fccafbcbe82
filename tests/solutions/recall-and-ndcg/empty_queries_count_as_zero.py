# expect: wrong_answer queries_without_relevant_documents_are_skipped
# Scores queries without relevant documents as 0 and averages over all queries.
import math


def recall_and_ndcg(rankings, relevance, k):
    total_recall = total_ndcg = 0.0
    for ranked, grades in zip(rankings, relevance):
        relevant = {d for d, g in grades.items() if g > 0}
        if not relevant:
            continue
        top = ranked[:k]
        total_recall += len(relevant.intersection(top)) / len(relevant)
        dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(top))
        ideal = sorted(grades.values(), reverse=True)[:k]
        total_ndcg += dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return total_recall / len(rankings), total_ndcg / len(rankings)
