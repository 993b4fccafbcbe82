# expect: wrong_answer zero_and_extreme_values
# Keys the parent map by values and walks up with `while v:`, so a node valued 0 ends the walk early.
def lowest_common_ancestor(root, p, q):
    parent, node_of, stack = {}, {root.val: root}, [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child:
                parent[child.val] = node.val
                node_of[child.val] = child
                stack.append(child)
    ancestors = set()
    v = p.val
    while v:
        ancestors.add(v)
        v = parent.get(v)
    v = q.val
    while v not in ancestors and v in parent:
        v = parent[v]
    return node_of[v]
