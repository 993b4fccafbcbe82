class ListNode:
    def __init__(self, val: int = 0, next: "ListNode | None" = None):
        self.val = val
        self.next = next


def detect_cycle(head: ListNode | None) -> ListNode | None:
    """The node where the list's cycle begins (the node itself), or None if the list ends.

    Compare nodes by identity, not value. Do not modify the list.
    """
    raise NotImplementedError
