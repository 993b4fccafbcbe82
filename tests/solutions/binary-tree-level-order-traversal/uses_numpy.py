# expect: forbidden_api classic_examples
# Counts the levels with numpy, which the problem forbids (standard library only).
import numpy as np


def level_order(root):
    out, level = [], [root] if root else []
    while level:
        out.append(np.array([n.val for n in level]).tolist())
        level = [c for n in level for c in (n.left, n.right) if c]
    return out
