# expect: wrong_answer classic_examples
# Finds the entry correctly but returns its value instead of the node.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    seen = set()
    node = head
    while node is not None:
        if node in seen:
            return node.val
        seen.add(node)
        node = node.next
    return None
