# expect: runtime_error long_list
# The classic recursive version: right, but 10^4 nodes means 10^4 nested calls, past the recursion limit.
def reverse_list(head):
    if head is None or head.next is None:
        return head
    new_head = reverse_list(head.next)
    head.next.next = head
    head.next = None
    return new_head
