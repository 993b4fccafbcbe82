# expect: wrong_answer classic_examples
# Reverses each group but never points the previous group's tail at the new group head.
def reverse_k_group(head, k):
    node, new_head = head, None
    while True:
        probe, count = node, 0
        while probe and count < k:
            probe, count = probe.next, count + 1
        if count < k:
            return new_head or head
        first, prev = node, probe
        for _ in range(k):
            nxt = node.next
            node.next = prev
            prev, node = node, nxt
        if new_head is None:
            new_head = prev
        node = first.next
