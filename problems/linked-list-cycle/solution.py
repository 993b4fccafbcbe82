class ListNode:
    def __init__(self, val: int = 0, next: "ListNode | None" = None):
        self.val = val
        self.next = next


def detect_cycle(head: ListNode | None) -> ListNode | None:
    """Floyd's tortoise and hare, then walk from the head and the meeting point at the same speed."""
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:  # inside the cycle; the entry is as far from head as from here (mod the cycle)
            slow = head
            while slow is not fast:
                slow = slow.next
                fast = fast.next
            return slow
    return None  # the fast pointer reached the end: no cycle
