# expect: wrong_answer classic_examples
# Starts with prev = head and node = head.next but never clears head.next: the first two nodes form a cycle.
def reverse_list(head):
    if head is None:
        return None
    prev, node = head, head.next
    while node:
        nxt = node.next
        node.next = prev
        prev = node
        node = nxt
    return prev
