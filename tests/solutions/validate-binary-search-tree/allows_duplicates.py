# expect: wrong_answer duplicates_are_invalid
# In-order walk that only rejects a decrease (`<`): equal neighbours, i.e. duplicates, pass.
def is_valid_bst(root):
    stack, node, prev = [], root, None
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if prev is not None and node.val < prev:
            return False
        prev = node.val
        node = node.right
    return True
