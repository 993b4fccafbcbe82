# expect: wrong_answer extreme_values
# Uses -2^31 and 2^31 - 1 as the "no bound" values with strict checks: a node holding a bound is rejected.
def is_valid_bst(root):
    stack = [(root, -(2**31), 2**31 - 1)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if not low < node.val < high:
            return False
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return True
