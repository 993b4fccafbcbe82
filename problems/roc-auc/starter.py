def roc_auc(labels: list[int], scores: list[float]) -> float:
    """Return the ROC AUC of scores for 0/1 labels; tied scores get average ranks (a tie counts 1/2).

    Raises ValueError when there is no positive or no negative label.
    """
    raise NotImplementedError
