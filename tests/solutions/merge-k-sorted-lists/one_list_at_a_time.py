# expect: time_limit many_lists_within_time_limit
# Right answers, but merges each list into the growing result in turn: O(kN), ~2.5 * 10^8 steps for 10^4 lists.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_k_lists(lists):
    result = None
    for head in lists:
        dummy = tail = ListNode()
        a, b = result, head
        while a and b:
            if a.val <= b.val:
                tail.next, a = a, a.next
            else:
                tail.next, b = b, b.next
            tail = tail.next
        tail.next = a or b
        result = dummy.next
    return result
