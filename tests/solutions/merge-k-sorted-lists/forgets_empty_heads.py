# expect: runtime_error no_node_returns_none
# Builds the heap from every head without skipping None: an empty list in the input raises AttributeError.
import heapq


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_k_lists(lists):
    heap = [(node.val, i, node) for i, node in enumerate(lists)]
    heapq.heapify(heap)
    dummy = tail = ListNode()
    while heap:
        _, i, node = heapq.heappop(heap)
        tail.next = tail = node
        if node.next:
            heapq.heappush(heap, (node.next.val, i, node.next))
    return dummy.next
