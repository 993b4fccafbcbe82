# expect: runtime_error deep_chains
# The textbook recursion with float('-inf')/float('inf') bounds: right, but 10^4 levels exceed the recursion limit.
def is_valid_bst(root, low=float("-inf"), high=float("inf")):
    if root is None:
        return True
    if not low < root.val < high:
        return False
    return is_valid_bst(root.left, low, root.val) and is_valid_bst(root.right, root.val, high)
