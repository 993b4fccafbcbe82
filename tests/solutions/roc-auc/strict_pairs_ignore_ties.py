# expect: wrong_answer ties_across_classes_count_half
# Counts only strictly higher positives (sorted two-pointer), so a tie counts 0 instead of 1/2.
import bisect


def roc_auc(labels, scores):
    pos = sorted(s for s, y in zip(scores, labels) if y == 1)
    neg = sorted(s for s, y in zip(scores, labels) if y == 0)
    if not pos or not neg:
        raise ValueError("need both classes")
    wins = sum(bisect.bisect_left(neg, s) for s in pos)
    return wins / (len(pos) * len(neg))
