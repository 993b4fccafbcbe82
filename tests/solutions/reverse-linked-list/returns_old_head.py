# expect: wrong_answer classic_examples
# Relinks correctly but returns head (now the tail) instead of the last node visited.
def reverse_list(head):
    prev, node = None, head
    while node:
        nxt = node.next
        node.next = prev
        prev = node
        node = nxt
    return head
