# expect: wrong_answer tree_is_not_modified
# Stores parent pointers by rewriting the tree ("we own it now"): reverses the links as it walks.
def lowest_common_ancestor(root, p, q):
    parent, stack = {root: None}, [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child:
                parent[child] = node
                stack.append(child)
        node.left, node.right = node.right, node.left  # "mirror to mark visited"
    ancestors = set()
    while p:
        ancestors.add(p)
        p = parent[p]
    while q not in ancestors:
        q = parent[q]
    return q
