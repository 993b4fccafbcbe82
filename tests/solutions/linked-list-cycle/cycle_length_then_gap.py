# expect: passed
# Correct alternative: measure the cycle length c after the meeting, then walk two pointers c apart from the head.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    slow = fast = head
    while True:
        if fast is None or fast.next is None:
            return None
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            break
    c, probe = 1, slow.next
    while probe is not slow:
        probe, c = probe.next, c + 1
    ahead = behind = head
    for _ in range(c):
        ahead = ahead.next
    while ahead is not behind:
        ahead, behind = ahead.next, behind.next
    return behind
