# expect: wrong_answer classic_examples
# Counts nodes in preorder (node, left, right): the k-th visited node is not the k-th smallest.
def kth_smallest(root, k):
    stack = [root]
    while stack:
        node = stack.pop()
        k -= 1
        if k == 0:
            return node.val
        if node.right:
            stack.append(node.right)
        if node.left:
            stack.append(node.left)
    return -1
