# expect: wrong_answer many_equal_scores_keep_index_order
# Orders with torch.argsort(scores, descending=True), which is not stable: with many tied scores the lower index is not always first.
import torch


def box_iou(boxes1, boxes2):
    """Pairwise IoU of (N, 4) and (M, 4) boxes (x1, y1, x2, y2) -> (N, M) float."""
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    top_left = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])  # (N, M, 2)
    bottom_right = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)  # no overlap -> 0, not a negative width
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    return torch.where(union > 0, inter / union.clamp(min=torch.finfo(union.dtype).tiny), torch.zeros_like(union))


def nms(boxes, scores, iou_threshold):
    """Greedy NMS: kept indices (long), by decreasing score, lower index first on ties."""
    order = torch.argsort(scores, descending=True).tolist()
    iou = box_iou(boxes, boxes)
    suppressed = torch.zeros(len(order), dtype=torch.bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue  # a suppressed box never suppresses others
        keep.append(i)
        suppressed |= iou[i] > iou_threshold
    return torch.tensor(keep, dtype=torch.long)
