from __future__ import annotations


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None):
        self.val = val
        self.next = next


def reverse_list(head: ListNode | None) -> ListNode | None:
    """Reverse the list in place (relink the same nodes) and return the new head.

    None for the empty list; the old head ends with next = None. n can be 10^4: use a loop.
    """
    raise NotImplementedError
