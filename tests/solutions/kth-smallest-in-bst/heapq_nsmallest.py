# expect: forbidden_api classic_examples
# Hands all the values to heapq.nsmallest, which the problem forbids.
import heapq


def kth_smallest(root, k):
    values, stack = [], [root]
    while stack:
        node = stack.pop()
        if node:
            values.append(node.val)
            stack += [node.left, node.right]
    return heapq.nsmallest(k, values)[-1]
