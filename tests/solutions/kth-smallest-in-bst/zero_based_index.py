# expect: wrong_answer classic_examples
# Collects the in-order values but indexes them with k, as if k counted from 0.
def kth_smallest(root, k):
    values, stack, node = [], [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        values.append(node.val)
        node = node.right
    return values[k]
