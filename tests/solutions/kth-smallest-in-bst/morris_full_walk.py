# expect: passed
# Correct alternative: Morris in-order walk with O(1) memory; it finishes the walk so every thread is removed.
def kth_smallest(root, k):
    node, count, answer = root, 0, None
    while node:
        if node.left is None:
            count += 1
            if count == k:
                answer = node.val
            node = node.right
            continue
        pred = node.left
        while pred.right and pred.right is not node:
            pred = pred.right
        if pred.right is None:
            pred.right = node  # thread back to node, removed on the second visit
            node = node.left
        else:
            pred.right = None
            count += 1
            if count == k:
                answer = node.val
            node = node.right
    return answer
