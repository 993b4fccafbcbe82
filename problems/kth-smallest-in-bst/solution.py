from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def kth_smallest(root: TreeNode, k: int) -> int:
    """An iterative in-order walk (values in increasing order) that stops at the k-th node."""
    stack: list[TreeNode] = []
    node: TreeNode | None = root
    while True:
        while node is not None:  # go as far left as possible
            stack.append(node)
            node = node.left
        node = stack.pop()  # the next smallest value
        k -= 1
        if k == 0:
            return node.val
        node = node.right
