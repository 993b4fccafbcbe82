# expect: wrong_answer classic_round_trips
# Writes the values in level order but no marker for missing children, then refills a complete tree.
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


class Codec:
    def serialize(self, root):
        out, queue = [], deque([root] if root else [])
        while queue:
            node = queue.popleft()
            out.append(str(node.val))
            queue.extend(c for c in (node.left, node.right) if c)
        return ",".join(out)

    def deserialize(self, data):
        if not data:
            return None
        nodes = [TreeNode(int(v)) for v in data.split(",")]
        for i, node in enumerate(nodes):
            if 2 * i + 1 < len(nodes):
                node.left = nodes[2 * i + 1]
            if 2 * i + 2 < len(nodes):
                node.right = nodes[2 * i + 2]
        return nodes[0]
