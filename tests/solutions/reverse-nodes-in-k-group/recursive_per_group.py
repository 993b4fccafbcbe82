# expect: runtime_error long_lists
# Reverses the first group and recurses on the rest: n / k nested calls, 10^4 for k = 1.
def reverse_k_group(head, k):
    probe, count = head, 0
    while probe and count < k:
        probe, count = probe.next, count + 1
    if count < k:
        return head
    prev, node = reverse_k_group(probe, k), head
    for _ in range(k):
        nxt = node.next
        node.next = prev
        prev, node = node, nxt
    return prev
