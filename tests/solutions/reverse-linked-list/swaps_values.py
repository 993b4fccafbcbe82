# expect: wrong_answer reverses_the_same_nodes
# Reads the values into a Python list and writes them back reversed: same order of nodes, values rewritten.
def reverse_list(head):
    values, node = [], head
    while node:
        values.append(node.val)
        node = node.next
    node = head
    while node:
        node.val = values.pop()
        node = node.next
    return head
