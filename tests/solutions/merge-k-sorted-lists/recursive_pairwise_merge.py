# expect: runtime_error long_lists_of_fifty_thousand_nodes
# Divide and conquer with a recursive two-list merge: one stack frame per node, past the recursion limit at 5 * 10^4 nodes.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_two(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a.val <= b.val:
        a.next = merge_two(a.next, b)
        return a
    b.next = merge_two(a, b.next)
    return b


def merge_k_lists(lists):
    if not lists:
        return None
    if len(lists) == 1:
        return lists[0]
    mid = len(lists) // 2
    return merge_two(merge_k_lists(lists[:mid]), merge_k_lists(lists[mid:]))
