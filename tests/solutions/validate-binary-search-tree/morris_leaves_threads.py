# expect: wrong_answer tree_is_not_modified
# Morris in-order walk that returns as soon as it finds a violation, leaving its temporary threads in the tree.
def is_valid_bst(root):
    node, prev = root, None
    while node:
        if node.left is None:
            if prev is not None and node.val <= prev:
                return False
            prev = node.val
            node = node.right
        else:
            pred = node.left
            while pred.right and pred.right is not node:
                pred = pred.right
            if pred.right is None:
                pred.right = node
                node = node.left
            else:
                pred.right = None
                if prev is not None and node.val <= prev:
                    return False
                prev = node.val
                node = node.right
    return True
