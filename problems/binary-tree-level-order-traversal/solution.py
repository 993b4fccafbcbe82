from __future__ import annotations

from collections import deque


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root: TreeNode | None) -> list[list[int]]:
    """Breadth-first search, one level of the queue at a time."""
    levels: list[list[int]] = []
    queue = deque([root] if root is not None else [])
    while queue:
        level = []
        for _ in range(len(queue)):  # exactly the nodes of the current level
            node = queue.popleft()
            level.append(node.val)
            if node.left is not None:
                queue.append(node.left)  # left before right: left-to-right order
            if node.right is not None:
                queue.append(node.right)
        levels.append(level)
    return levels
