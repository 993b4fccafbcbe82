from __future__ import annotations


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None):
        self.val = val
        self.next = next


def reverse_list(head: ListNode | None) -> ListNode | None:
    """Walk the list once, turning each node's link around to point at the previous node."""
    prev: ListNode | None = None  # the old head's link becomes None: the new tail
    node = head
    while node is not None:
        nxt = node.next  # keep the rest before overwriting the link
        node.next = prev
        prev = node
        node = nxt
    return prev
