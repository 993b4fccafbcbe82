class ListNode:
    def __init__(self, val: int = 0, next: "ListNode | None" = None):
        self.val = val
        self.next = next


def merge_k_lists(lists: list[ListNode | None]) -> ListNode | None:
    """Merge k sorted singly linked lists (heads, None = empty) into one sorted list.

    Return its head, or None when there is no node at all. O(N log k).
    """
    raise NotImplementedError
