from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    """An iterative in-order walk: a search tree's values come out strictly increasing."""
    stack: list[TreeNode] = []
    node = root
    prev: int | None = None  # None, not a number: every int, both bounds included, is a value
    while stack or node is not None:
        while node is not None:  # go as far left as possible
            stack.append(node)
            node = node.left
        node = stack.pop()
        if prev is not None and node.val <= prev:  # <=: a duplicate is invalid too
            return False
        prev = node.val
        node = node.right
    return True
