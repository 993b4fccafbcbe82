# expect: passed
# Correct alternative: iterative DFS keeping one path from the root (popped on the way back), then the longest common prefix.
def lowest_common_ancestor(root, p, q):
    def path_to(target):
        path, stack = [], [(root, 0)]
        while stack:
            node, depth = stack.pop()
            del path[depth:]  # back up to this node's parent
            path.append(node)
            if node is target:
                return path
            for child in (node.right, node.left):
                if child is not None:
                    stack.append((child, depth + 1))
        return path

    answer = root
    for a, b in zip(path_to(p), path_to(q)):
        if a is not b:
            break
        answer = a
    return answer
