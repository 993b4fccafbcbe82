# expect: passed
# Correct alternative: explicit per-pair IoU in Python, a (-score, index) sort key and a kept-list scan.
import torch


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def box_iou(boxes1, boxes2):
    rows = [[_iou(a, b) for b in boxes2.tolist()] for a in boxes1.tolist()]
    return torch.tensor(rows, dtype=boxes1.dtype).reshape(len(boxes1), len(boxes2))


def nms(boxes, scores, iou_threshold):
    iou = box_iou(boxes, boxes)
    order = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), i))
    kept = []
    for i in order:
        if all(iou[i, k] <= iou_threshold for k in kept):
            kept.append(i)
    return torch.tensor(kept, dtype=torch.int64)
