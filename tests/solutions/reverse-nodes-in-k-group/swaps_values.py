# expect: wrong_answer reverses_the_same_nodes
# Collects each group's values and writes them back reversed: right values, but the nodes are never relinked.
def reverse_k_group(head, k):
    node = head
    while True:
        group, probe = [], node
        while probe and len(group) < k:
            group.append(probe)
            probe = probe.next
        if len(group) < k:
            return head
        values = [n.val for n in group]
        for n, v in zip(group, reversed(values)):
            n.val = v
        node = probe
