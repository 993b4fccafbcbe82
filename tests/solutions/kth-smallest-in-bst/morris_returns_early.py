# expect: wrong_answer tree_is_not_modified
# Morris in-order walk that returns as soon as it counts k nodes, leaving its temporary threads in the tree.
def kth_smallest(root, k):
    node = root
    while node:
        if node.left is None:
            k -= 1
            if k == 0:
                return node.val
            node = node.right
            continue
        pred = node.left
        while pred.right and pred.right is not node:
            pred = pred.right
        if pred.right is None:
            pred.right = node
            node = node.left
        else:
            pred.right = None
            k -= 1
            if k == 0:
                return node.val
            node = node.right
    return -1
