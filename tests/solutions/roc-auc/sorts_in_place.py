# expect: wrong_answer inputs_not_modified
# Sorts the caller's lists together in place to get the ranks.
def roc_auc(labels, scores):
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    pairs = sorted(zip(scores, labels))
    scores[:] = [s for s, _ in pairs]
    labels[:] = [y for _, y in pairs]
    rank_sum, i = 0.0, 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and scores[j + 1] == scores[i]:
            j += 1
        rank_sum += sum(labels[i : j + 1]) * ((i + j) / 2 + 1)
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
