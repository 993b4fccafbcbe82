# expect: wrong_answer tree_is_not_modified
# Cuts each node's links once its children are queued ("free the tree as we go"): the caller's tree is destroyed.
from collections import deque


def level_order(root):
    out, queue = [], deque([root] if root else [])
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            queue.extend(c for c in (node.left, node.right) if c)
            node.left = node.right = None
        out.append(level)
    return out
