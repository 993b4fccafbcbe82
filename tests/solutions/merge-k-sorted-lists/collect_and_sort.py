# expect: passed
# Correct alternative, O(N log N): collect every value, sort them, and build new nodes.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_k_lists(lists):
    values = []
    for node in lists:
        while node is not None:
            values.append(node.val)
            node = node.next
    head = None
    for v in sorted(values, reverse=True):
        head = ListNode(v, head)
    return head
