# expect: passed
# Correct alternative: depth-first with an explicit stack of (node, depth), right child pushed first.
def level_order(root):
    levels = []
    stack = [(root, 0)] if root else []
    while stack:
        node, depth = stack.pop()
        if depth == len(levels):
            levels.append([])
        levels[depth].append(node.val)
        if node.right:
            stack.append((node.right, depth + 1))
        if node.left:
            stack.append((node.left, depth + 1))
    return levels
