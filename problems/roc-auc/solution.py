def roc_auc(labels: list[int], scores: list[float]) -> float:
    """Mann-Whitney U: the rank sum of the positives, tied scores sharing their average rank."""
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs at least one positive and one negative label")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        avg_rank = (start + end) / 2 + 1  # ranks start..end (0-based) -> their mean, 1-based
        for k in range(start, end + 1):
            if labels[order[k]] == 1:
                rank_sum += avg_rank
        start = end + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
