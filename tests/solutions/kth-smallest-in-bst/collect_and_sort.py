# expect: passed
# Correct alternative: collect every value breadth-first and sort them: O(n log n), simple and accepted.
from collections import deque


def kth_smallest(root, k):
    values, queue = [], deque([root])
    while queue:
        node = queue.popleft()
        values.append(node.val)
        queue.extend(c for c in (node.left, node.right) if c)
    return sorted(values)[k - 1]
