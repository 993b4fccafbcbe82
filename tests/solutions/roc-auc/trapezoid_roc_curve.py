# expect: passed
# Correct alternative: sweep thresholds from high to low, one tie group at a time, and sum trapezoids.
from collections import defaultdict


def roc_auc(labels, scores):
    groups = defaultdict(lambda: [0, 0])  # score -> [positives, negatives]
    for y, s in zip(labels, scores):
        groups[s][0 if y == 1 else 1] += 1
    n_pos = sum(g[0] for g in groups.values())
    n_neg = sum(g[1] for g in groups.values())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC is undefined with one class")
    area = 0.0
    tp = fp = 0
    for s in sorted(groups, reverse=True):
        dp, dn = groups[s]
        area += dn * (tp + dp / 2)  # trapezoid: width dn, mean height tp + dp/2
        tp += dp
        fp += dn
    return area / (n_pos * n_neg)
