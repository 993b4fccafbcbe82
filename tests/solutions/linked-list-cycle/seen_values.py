# expect: wrong_answer repeated_values_are_different_nodes
# Remembers visited values instead of visited nodes: a repeated value looks like a cycle.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    seen = set()
    node = head
    while node is not None:
        if node.val in seen:
            return node
        seen.add(node.val)
        node = node.next
    return None
