# expect: runtime_error deep_chains
# The textbook recursive in-order walk: right, but a 10^4-deep chain exceeds the recursion limit.
def kth_smallest(root, k):
    found = []

    def walk(node):
        if node is None or len(found) >= k:
            return
        walk(node.left)
        if len(found) < k:
            found.append(node.val)
        walk(node.right)

    walk(root)
    return found[k - 1]
