# expect: runtime_error empty_and_single_node
# Reads head.next before checking for the empty list.
def reverse_list(head):
    prev, node, nxt = None, head, head.next
    while node:
        node.next = prev
        prev, node = node, nxt
        nxt = nxt.next if nxt else None
    return prev
