# expect: wrong_answer duplicate_and_negative_values
# Keeps a "visited" set of values as in a graph BFS: a node whose value was already seen is dropped.
from collections import deque


def level_order(root):
    if root is None:
        return []
    out, queue, seen = [], deque([root]), {root.val}
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            for child in (node.left, node.right):
                if child and child.val not in seen:
                    seen.add(child.val)
                    queue.append(child)
        out.append(level)
    return out
