# expect: wrong_answer list_is_not_modified
# Points every visited node's next at a sentinel: the first node already pointing there is the entry, but the list is destroyed.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    sentinel = ListNode()
    node = head
    while node is not None:
        if node.next is sentinel:
            return node
        nxt = node.next
        node.next = sentinel
        node = nxt
    return None
