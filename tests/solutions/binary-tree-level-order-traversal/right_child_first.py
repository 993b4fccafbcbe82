# expect: wrong_answer classic_examples
# Pushes the right child before the left one, so every level comes out right to left.
from collections import deque


def level_order(root):
    if root is None:
        return []
    out, queue = [], deque([root])
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            if node.right:
                queue.append(node.right)
            if node.left:
                queue.append(node.left)
        out.append(level)
    return out
