# expect: passed
# Correct alternative: a dummy node; move each node in turn to the front, right after the dummy.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val, self.next = val, next


def reverse_list(head):
    dummy = ListNode()
    while head:
        rest = head.next
        head.next = dummy.next
        dummy.next = head
        head = rest
    return dummy.next
