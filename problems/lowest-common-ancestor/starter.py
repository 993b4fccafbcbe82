from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def lowest_common_ancestor(root: TreeNode, p: TreeNode, q: TreeNode) -> TreeNode:
    """The deepest node having both p and q as descendants (a node is its own descendant).

    Return the node object itself. The tree is not a search tree and can be a chain of 10^4
    nodes: avoid recursion one call deeper per level. Do not modify the tree.
    """
    raise NotImplementedError
