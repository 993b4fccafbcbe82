# expect: wrong_answer classic_examples
# Walks right subtree first (reverse in-order), which yields the k-th largest value.
def kth_smallest(root, k):
    stack, node = [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.right
        node = stack.pop()
        k -= 1
        if k == 0:
            return node.val
        node = node.left
    return -1
