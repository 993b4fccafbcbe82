# expect: forbidden_api classic_examples
# Lets heapq.merge do the k-way merge over generators of the lists, which this problem forbids.
import heapq


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def values(node):
    while node:
        yield node.val
        node = node.next


def merge_k_lists(lists):
    dummy = tail = ListNode()
    for v in heapq.merge(*(values(h) for h in lists)):
        tail.next = tail = ListNode(v)
    return dummy.next
