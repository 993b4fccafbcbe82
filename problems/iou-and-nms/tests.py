"""Hidden tests for iou-and-nms.

The judge hands the tests the entry point `nms` only; `box_iou`, which the statement asks for
at the top level of the same file, is looked up in the globals of `nms`.
"""

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, is_tensor, same, tensor, test


def iou_fn(nms):
    fn = getattr(nms, "__globals__", {}).get("box_iou")
    if not callable(fn):
        raise WrongAnswer("your file defines no top-level function `box_iou` (the statement asks for it next to `nms`)")
    return fn


def boxes_of(rows):
    return torch.tensor(rows, dtype=torch.float32)


def random_boxes(seed, n, size=10.0):
    r = Rand(seed)
    xy = r.rand(n, 2, high=size)
    wh = r.rand(n, 2, low=0.5, high=size / 2)
    return torch.cat([xy, xy + wh], dim=1)


def keep(nms, boxes, scores, threshold):
    return {"kept indices": tensor(nms(boxes, scores, threshold), "the result of nms(boxes, scores, iou_threshold)")}


def same_indices(expected, got):
    """The kept indices, shown as lists when a long tensor holds the wrong ones."""
    e, g = expected["kept indices"], got["kept indices"]
    if is_tensor(g) and g.dim() == 1 and g.dtype == e.dtype and g.tolist() != e.tolist():
        raise Fail(f"kept indices: expected {e.tolist()}, got {g.tolist()}")
    same(expected, got)


@test
def iou_matrix_matches_reference(nms):
    # N = 3 against M = 5: partial overlap, containment, a shared edge, disjoint in x only,
    # disjoint in both x and y (where an unclamped width * height turns positive).
    boxes1 = boxes_of([[0, 0, 4, 4], [1, 1, 3, 5], [10, 10, 12, 13]])
    boxes2 = boxes_of([[2, 2, 6, 6], [0, 0, 4, 4], [4, 0, 6, 4], [6, 1, 8, 3], [-3, -4, -1, -1]])
    return {"box_iou(boxes1, boxes2)": tensor(iou_fn(nms)(boxes1, boxes2), "box_iou(boxes1, boxes2)")}


@test
def iou_of_zero_area_boxes_is_zero(nms):
    # A point box and a flat box: union 0 with itself (0 / 0) and intersection 0 with the others.
    boxes = boxes_of([[1, 1, 1, 1], [0, 2, 3, 2], [0, 0, 2, 2]])
    return {"box_iou(boxes, boxes)": tensor(iou_fn(nms)(boxes, boxes), "box_iou(boxes, boxes)")}


@test
def iou_of_boxes_in_normalised_coordinates(nms):
    # Grounding heads predict boxes in [0, 1]: every area and union is below 1.
    r = Rand(5)
    xy = r.rand(4, 2, high=0.6)
    boxes1 = torch.cat([xy, xy + r.rand(4, 2, low=0.05, high=0.4)], dim=1)
    xy = r.rand(3, 2, high=0.6)
    boxes2 = torch.cat([xy, xy + r.rand(3, 2, low=0.05, high=0.4)], dim=1)
    return {"box_iou(boxes1, boxes2)": tensor(iou_fn(nms)(boxes1, boxes2), "box_iou(boxes1, boxes2)")}


@test
def iou_keeps_float64_dtype(nms):
    # The IoU has the dtype of the boxes: float64 boxes give a float64 matrix.
    boxes1 = random_boxes(3, 3).double()
    boxes2 = random_boxes(4, 2).double()
    return {"box_iou(boxes1, boxes2)": tensor(iou_fn(nms)(boxes1, boxes2), "box_iou(boxes1, boxes2)")}


@test(check=same_indices)
def kept_in_decreasing_score_order(nms):
    # Two clusters and a loner; the best box of each is not the lowest index.
    boxes = boxes_of([[0, 0, 4, 4], [0.2, 0.1, 4.1, 4], [10, 10, 14, 14], [10.3, 10, 14, 14.2], [20, 0, 22, 2]])
    scores = torch.tensor([0.5, 0.8, 0.3, 0.9, 0.6])
    return keep(nms, boxes, scores, 0.5)


@test(check=same_indices)
def suppressed_box_does_not_suppress_others(nms):
    # A (0.9) suppresses B (0.8); C (0.7) overlaps B a lot but A only a little, so C is kept.
    boxes = boxes_of([[0, 0, 4, 2], [2, 0, 6, 2], [3.5, 0, 7.5, 2]])
    scores = torch.tensor([0.9, 0.8, 0.7])
    return keep(nms, boxes, scores, 0.3)


@test(check=same_indices)
def iou_equal_to_threshold_is_kept(nms):
    # IoU(box 0, box 1) = 2 / 4 = 0.5 exactly (all values exact in float32).
    boxes = boxes_of([[0, 0, 4, 1], [0, 0, 2, 1], [0, 0, 4, 1.5]])
    scores = torch.tensor([0.9, 0.8, 0.1])
    return keep(nms, boxes, scores, 0.5)


@test(check=same_indices)
def equal_scores_lower_index_first(nms):
    # Boxes 1 and 3 (and 0 and 4) are duplicates with equal scores: the lower index survives.
    boxes = boxes_of([[0, 0, 2, 2], [5, 5, 8, 8], [20, 20, 21, 21], [5, 5, 8, 8], [0, 0, 2, 2.1]])
    scores = torch.tensor([0.4, 0.7, 0.7, 0.7, 0.4])
    return keep(nms, boxes, scores, 0.5)


@test(check=same_indices)
def many_equal_scores_keep_index_order(nms):
    # 48 boxes with only three distinct scores: boxes 0-23 are disjoint, box 24 + k duplicates
    # box k with the same score. Every tie must be visited lower index first (an unstable sort
    # of this many scores does not keep the index order).
    base = [[3.0 * (k % 6), 3.0 * (k // 6), 3.0 * (k % 6) + 2, 3.0 * (k // 6) + 2] for k in range(24)]
    boxes = boxes_of(base + base)
    scores = torch.tensor([(0.9, 0.5, 0.1)[k % 3] for k in range(24)] * 2)
    return keep(nms, boxes, scores, 0.5)


@test(check=same_indices)
def random_boxes_match_reference(nms):
    boxes = random_boxes(7, 40)
    scores = Rand(70).rand(40)
    return keep(nms, boxes, scores, 0.3)


@test(check=same_indices)
def no_boxes_gives_empty_long_tensor(nms):
    return keep(nms, torch.zeros(0, 4), torch.zeros(0), 0.5)


@test
def threshold_zero_and_one(nms):
    # Both ends of the range [0, 1]. At 0 every overlap suppresses, but box 2 only touches box 0
    # along an edge (IoU 0, not > 0) and is kept. At 1 nothing is suppressed, not even the exact
    # duplicate box 1 (IoU 1 is not > 1).
    boxes = boxes_of([[0, 0, 2, 2], [0, 0, 2, 2], [2, 0, 4, 2], [1.9, 1.9, 3, 3], [8, 8, 9, 9]])
    scores = torch.tensor([0.9, 0.8, 0.7, 0.6, 0.5])
    return {
        "kept indices (iou_threshold=0)": keep(nms, boxes, scores, 0.0)["kept indices"],
        "kept indices (iou_threshold=1)": keep(nms, boxes, scores, 1.0)["kept indices"],
    }
