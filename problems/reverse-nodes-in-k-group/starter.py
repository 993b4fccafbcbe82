from __future__ import annotations


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None):
        self.val = val
        self.next = next


def reverse_k_group(head: ListNode | None, k: int) -> ListNode | None:
    """Reverse every full group of k nodes in place; a last group shorter than k keeps its order.

    1 <= k <= n <= 10^4. Relink the same nodes (no new nodes, no rewritten vals); use loops.
    """
    raise NotImplementedError
