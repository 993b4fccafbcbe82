import math


def recall_and_ndcg(rankings: list[list[str]], relevance: list[dict[str, int]], k: int) -> tuple[float, float]:
    """Mean recall@k and mean NDCG@k over the queries that have at least one relevant document.

    rankings[i]: document ids retrieved for query i, best first (distinct, any length).
    relevance[i]: graded judgements {doc id: grade >= 0} for query i; missing ids have grade 0,
    a document is relevant when its grade is > 0.
    DCG@k = sum over ranks r = 1..k of (2**grade - 1) / log2(r + 1); IDCG@k is the DCG@k of the
    judged documents of the query in decreasing grade order. Return (mean recall, mean NDCG).
    """
    raise NotImplementedError
