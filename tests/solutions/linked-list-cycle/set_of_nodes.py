# expect: passed
# Correct alternative, O(n) memory: the first node already in a set of visited nodes is the entry.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    seen = set()
    node = head
    while node is not None and node not in seen:
        seen.add(node)
        node = node.next
    return node
