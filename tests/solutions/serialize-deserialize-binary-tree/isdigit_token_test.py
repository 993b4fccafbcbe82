# expect: wrong_answer negative_and_multi_digit_values
# Tells values from the null marker with str.isdigit(): "-5" is not all digits, so negative nodes vanish.
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


class Codec:
    def serialize(self, root):
        out, queue = [], deque([root])
        while queue:
            node = queue.popleft()
            out.append(str(node.val) if node else "null")
            if node:
                queue.extend((node.left, node.right))
        return ",".join(out)

    def deserialize(self, data):
        tokens = data.split(",")
        make = lambda tok: TreeNode(int(tok)) if tok.isdigit() else None  # noqa: E731
        root = make(tokens[0])
        queue, i = deque([root] if root else []), 1
        while queue:
            node = queue.popleft()
            node.left, node.right = make(tokens[i]), make(tokens[i + 1])
            queue.extend(c for c in (node.left, node.right) if c)
            i += 2
        return root
