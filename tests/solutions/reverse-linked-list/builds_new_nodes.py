# expect: wrong_answer reverses_the_same_nodes
# Builds a reversed copy from new nodes instead of relinking the given ones.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val, self.next = val, next


def reverse_list(head):
    out = None
    while head:
        out = ListNode(head.val, out)
        head = head.next
    return out
