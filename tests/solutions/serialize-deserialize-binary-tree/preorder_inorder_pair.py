# expect: wrong_answer duplicate_values
# Sends the preorder and inorder value lists and rebuilds from them: ambiguous once values repeat.
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


def walk(root):
    pre, ino, stack, node = [], [], [], root
    while stack or node:
        while node:
            pre.append(node.val)
            stack.append(node)
            node = node.left
        node = stack.pop()
        ino.append(node.val)
        node = node.right
    return pre, ino


class Codec:
    def serialize(self, root):
        pre, ino = walk(root)
        return " ".join(map(str, pre)) + "|" + " ".join(map(str, ino))

    def deserialize(self, data):
        a, b = data.split("|")
        pre, ino = [int(x) for x in a.split()], [int(x) for x in b.split()]
        if not pre:
            return None
        root = TreeNode(pre[0])
        stack, j = [root], 0
        for val in pre[1:]:
            node = stack[-1]
            if node.val != ino[j]:
                node.left = TreeNode(val)
                stack.append(node.left)
            else:
                while stack and stack[-1].val == ino[j]:
                    node = stack.pop()
                    j += 1
                node.right = TreeNode(val)
                stack.append(node.right)
        return root
