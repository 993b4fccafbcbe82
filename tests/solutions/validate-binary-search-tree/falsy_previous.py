# expect: wrong_answer zero_is_a_value
# In-order walk guarded by `if prev and ...`: after a node valued 0 the next value is never checked.
def is_valid_bst(root):
    stack, node, prev = [], root, None
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if prev and node.val <= prev:
            return False
        prev = node.val
        node = node.right
    return True
