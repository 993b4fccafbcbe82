from __future__ import annotations


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None):
        self.val = val
        self.next = next


def reverse_k_group(head: ListNode | None, k: int) -> ListNode | None:
    """Find the k-th node from the current position; if it exists, reverse that group in place."""
    dummy = ListNode(next=head)  # a node before the head: the first group needs no special case
    before = dummy  # the node just before the current group
    while True:
        end = before
        for _ in range(k):
            end = end.next
            if end is None:  # fewer than k nodes left: they keep their order
                return dummy.next
        after = end.next  # the first node of the next group
        first = before.next
        prev, node = after, first  # the group's first node will link to the next group
        while node is not after:
            nxt = node.next
            node.next = prev
            prev = node
            node = nxt
        before.next = end  # the previous group (or dummy) links to the reversed group
        before = first  # the group's old first node is now its last
