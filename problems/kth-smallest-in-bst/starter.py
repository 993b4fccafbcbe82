from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def kth_smallest(root: TreeNode, k: int) -> int:
    """The k-th smallest value of the binary search tree, k counted from 1 (1 <= k <= n).

    The tree can be a chain of 10^4 nodes: avoid recursion one call deeper per level.
    Do not modify the tree.
    """
    raise NotImplementedError
