# expect: passed
# Correct alternative: preorder with "#" for missing children, written and read with explicit stacks.
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


class Codec:
    def serialize(self, root):
        out, stack = [], [root]
        while stack:
            node = stack.pop()
            if node is None:
                out.append("#")
            else:
                out.append(str(node.val))
                stack.append(node.right)
                stack.append(node.left)
        return " ".join(out)

    def deserialize(self, data):
        tokens = data.split()
        if tokens[0] == "#":
            return None
        root = TreeNode(int(tokens[0]))
        stack = [(root, "right"), (root, "left")]  # open child slots, the next token fills the top one
        for tok in tokens[1:]:
            parent, side = stack.pop()
            if tok != "#":
                child = TreeNode(int(tok))
                setattr(parent, side, child)
                stack.append((child, "right"))
                stack.append((child, "left"))
        return root
