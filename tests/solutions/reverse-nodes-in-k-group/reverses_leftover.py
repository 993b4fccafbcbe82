# expect: wrong_answer leftover_group_keeps_its_order
# Reverses every group, the short last one included.
def reverse_k_group(head, k):
    new_head, prev_tail, node = None, None, head
    while node:
        group_tail, prev, count = node, None, 0
        while node and count < k:
            nxt = node.next
            node.next = prev
            prev, node = node, nxt
            count += 1
        if prev_tail:
            prev_tail.next = prev
        else:
            new_head = prev
        prev_tail = group_tail
    return new_head
