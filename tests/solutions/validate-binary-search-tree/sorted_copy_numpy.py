# expect: forbidden_api classic_examples
# Collects the in-order values and checks them with numpy.diff, which the problem forbids.
import numpy as np


def is_valid_bst(root):
    values, stack, node = [], [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        values.append(node.val)
        node = node.right
    return bool(len(values) < 2 or (np.diff(np.array(values, dtype=np.int64)) > 0).all())
