# expect: wrong_answer whole_subtree_not_just_children
# Checks each node against its two children only: a grandchild on the wrong side of an ancestor slips through.
def is_valid_bst(root):
    stack = [root] if root else []
    while stack:
        node = stack.pop()
        if node.left:
            if node.left.val >= node.val:
                return False
            stack.append(node.left)
        if node.right:
            if node.right.val <= node.val:
                return False
            stack.append(node.right)
    return True
