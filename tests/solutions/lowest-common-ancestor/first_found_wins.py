# expect: wrong_answer node_is_its_own_descendant
# Walks up from p only while q is strictly below it: never lets p itself be the answer.
def lowest_common_ancestor(root, p, q):
    parent, stack = {root: None}, [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child:
                parent[child] = node
                stack.append(child)
    ancestors = set()
    node = parent[p]
    while node is not None:
        ancestors.add(node)
        node = parent[node]
    node = parent[q]
    while node is not None and node not in ancestors:
        node = parent[node]
    return node
