# expect: wrong_answer classic_examples
# Uses the binary-search-tree walk (go left while both values are smaller): wrong for a plain binary tree.
def lowest_common_ancestor(root, p, q):
    node = root
    while node:
        if p.val < node.val and q.val < node.val:
            node = node.left
        elif p.val > node.val and q.val > node.val:
            node = node.right
        else:
            return node
    return None
