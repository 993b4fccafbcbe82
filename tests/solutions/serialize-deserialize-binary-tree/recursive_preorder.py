# expect: runtime_error deep_chains
# The textbook recursive preorder codec: right, but 10^4 levels exceed the recursion limit.
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right


class Codec:
    def serialize(self, root):
        out = []

        def go(node):
            if node is None:
                out.append("#")
                return
            out.append(str(node.val))
            go(node.left)
            go(node.right)

        go(root)
        return ",".join(out)

    def deserialize(self, data):
        tokens = iter(data.split(","))

        def build():
            tok = next(tokens)
            if tok == "#":
                return None
            node = TreeNode(int(tok))
            node.left = build()
            node.right = build()
            return node

        return build()
