# expect: wrong_answer k_divides_n
# Counts the full groups as (n - 1) // k, so when k divides n the last full group is left unreversed.
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
    for _ in range((n - 1) // k):
        first = before.next
        prev, node = None, first
        for _ in range(k):
            nxt = node.next
            node.next = prev
            prev, node = node, nxt
        before.next = prev
        first.next = node
        before = first
    return dummy.next
