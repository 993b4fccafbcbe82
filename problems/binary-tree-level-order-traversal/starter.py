from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root: TreeNode | None) -> list[list[int]]:
    """The node values level by level (top first), each level from left to right; [] if empty.

    The tree can be a chain of 10^4 nodes: avoid recursion one call deeper per level.
    Do not modify the tree.
    """
    raise NotImplementedError
