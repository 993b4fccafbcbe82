import torch


def box_iou(boxes1, boxes2):
    """Pairwise IoU of (N, 4) and (M, 4) boxes (x1, y1, x2, y2) -> (N, M) float.

    Continuous coordinates: area = (x2 - x1) * (y2 - y1). IoU is 0 when the union is 0.
    """
    raise NotImplementedError


def nms(boxes, scores, iou_threshold):
    """Greedy non-maximum suppression.

    boxes: (N, 4) float (x1, y1, x2, y2); scores: (N,) float; iou_threshold: float.
    Visit the boxes by decreasing score (equal scores: lower index first); keep a box unless
    its IoU with an already kept box is > iou_threshold (strictly).
    Returns the kept indices, (K,) long, in the order they were kept.
    """
    raise NotImplementedError
