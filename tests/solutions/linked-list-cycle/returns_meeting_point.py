# expect: wrong_answer classic_examples
# Returns the node where slow and fast meet, which is inside the cycle but not, in general, its entry.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    slow = fast = head
    while fast and fast.next:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:
            return slow
    return None
