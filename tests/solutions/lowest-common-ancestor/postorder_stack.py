# expect: passed
# Correct alternative: the classic "found in left / found in right" post-order, run on an explicit stack.
def lowest_common_ancestor(root, p, q):
    found = {}  # node -> the answer candidate its subtree returns (None, p, q or the LCA)
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if node is None:
            continue
        if not children_done:
            stack += [(node, True), (node.left, False), (node.right, False)]
            continue
        left, right = found.get(node.left), found.get(node.right)
        if node is p or node is q or (left and right):
            found[node] = node
        else:
            found[node] = left or right
    return found[root]
