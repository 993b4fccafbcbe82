# expect: time_limit long_lists_within_time_limit
# Right answers, but keeps the visited nodes in a list: each 'in' check is O(n), O(n^2) in all.
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def detect_cycle(head):
    visited = []
    node = head
    while node is not None:
        if node in visited:
            return node
        visited.append(node)
        node = node.next
    return None
