# expect: runtime_error deep_chains
# Textbook recursive DFS by depth: right answers, but a 10^4-deep chain exceeds the recursion limit.
def level_order(root):
    levels = []

    def dfs(node, depth):
        if node is None:
            return
        if depth == len(levels):
            levels.append([])
        levels[depth].append(node.val)
        dfs(node.left, depth + 1)
        dfs(node.right, depth + 1)

    dfs(root, 0)
    return levels
