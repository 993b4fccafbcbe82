# expect: passed
# Correct alternative: merge the lists in pairs, round after round, with an iterative two-list merge.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_two(a, b):
    dummy = tail = ListNode()
    while a is not None and b is not None:
        if a.val <= b.val:
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return dummy.next


def merge_k_lists(lists):
    heads = list(lists)
    if not heads:
        return None
    while len(heads) > 1:
        heads = [merge_two(heads[i], heads[i + 1] if i + 1 < len(heads) else None) for i in range(0, len(heads), 2)]
    return heads[0]
