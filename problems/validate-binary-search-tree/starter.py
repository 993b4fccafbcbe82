from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    """Whether every node is strictly larger than its whole left subtree and strictly smaller
    than its whole right subtree. The empty tree is valid; duplicates are not.

    The tree can be a chain of 10^4 nodes: avoid recursion one call deeper per level.
    Do not modify the tree.
    """
    raise NotImplementedError
