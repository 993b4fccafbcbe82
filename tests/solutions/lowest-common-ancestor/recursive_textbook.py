# expect: runtime_error deep_chains
# The textbook recursive answer: right on every small tree, but a 10^4-deep chain exceeds the recursion limit.
def lowest_common_ancestor(root, p, q):
    if root is None or root is p or root is q:
        return root
    left = lowest_common_ancestor(root.left, p, q)
    right = lowest_common_ancestor(root.right, p, q)
    if left and right:
        return root
    return left or right
