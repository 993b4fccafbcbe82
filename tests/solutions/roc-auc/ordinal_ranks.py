# expect: wrong_answer ties_across_classes_count_half
# Uses each example's position in the sorted order as its rank, without averaging tied ranks.
def roc_auc(labels, scores):
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = sum(r + 1 for r, i in enumerate(order) if labels[i] == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
