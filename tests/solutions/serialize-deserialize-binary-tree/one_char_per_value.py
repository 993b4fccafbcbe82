# expect: runtime_error classic_round_trips
# Writes the values without separators and reads one character per value: fine for 0-9 only.
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


class Codec:
    def serialize(self, root):
        out, queue = [], deque([root])
        while queue:
            node = queue.popleft()
            if node is None:
                out.append("#")
            else:
                out.append(str(node.val))
                queue.extend((node.left, node.right))
        return "".join(out)

    def deserialize(self, data):
        if data[0] == "#":
            return None
        root = TreeNode(int(data[0]))
        queue, i = deque([root]), 1
        while queue:
            node = queue.popleft()
            if data[i] != "#":
                node.left = TreeNode(int(data[i]))
                queue.append(node.left)
            if data[i + 1] != "#":
                node.right = TreeNode(int(data[i + 1]))
                queue.append(node.right)
            i += 2
        return root
