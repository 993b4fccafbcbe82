# expect: wrong_answer empty_and_single_node
# Always appends the level list, so the empty tree gives [[]] instead of [].
def level_order(root):
    out, level = [], [root] if root else []
    while True:
        out.append([n.val for n in level])
        level = [c for n in level for c in (n.left, n.right) if c]
        if not level:
            return out
