# expect: wrong_answer empty_and_single_node
# Treats the empty tree as invalid input and returns False.
def is_valid_bst(root):
    if root is None:
        return False
    values, stack, node = [], [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        values.append(node.val)
        node = node.right
    return all(a < b for a, b in zip(values, values[1:]))
