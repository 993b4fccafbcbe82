# expect: wrong_answer classic_examples
# Finds the right ancestor with parent pointers but returns its value instead of the node.
def lowest_common_ancestor(root, p, q):
    parent, stack = {root: None}, [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child:
                parent[child] = node
                stack.append(child)
    seen = set()
    while p:
        seen.add(p)
        p = parent[p]
    while q not in seen:
        q = parent[q]
    return q.val
