# expect: passed
# Correct alternative: count the nodes, then for each of the n // k groups move nodes one by one to the group's front.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val, self.next = val, next


def reverse_k_group(head, k):
    n, node = 0, head
    while node:
        n += 1
        node = node.next
    dummy = ListNode(0, head)
    before = dummy
    for _ in range(n // k):
        tail = before.next  # stays the group's last node while the others move in front of it
        for _ in range(k - 1):
            moved = tail.next
            tail.next = moved.next
            moved.next = before.next
            before.next = moved
        before = tail
    return dummy.next
