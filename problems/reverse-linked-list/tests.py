"""Hidden tests for reverse-linked-list."""

from mlkata.judge.api import Fail, Rand, WrongAnswer, require, short, test


class ListNode:
    """The tests' own node class: a solution may use only val and next."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def build(values):
    """A linked list of fresh nodes holding values; None if empty."""
    head = None
    for val in reversed(values):
        head = ListNode(val, head)
    return head


def nodes_of(head, what="the returned list", limit=10**5):
    """The nodes of a list in order, walked iteratively; WrongAnswer on a cycle."""
    nodes, seen = [], set()
    while head is not None:
        if id(head) in seen or len(nodes) >= limit:
            raise WrongAnswer(
                f"{what} has a cycle: after {short([n.val for n in nodes[:12]])[:-1]}{', ...' if len(nodes) > 12 else ''}] "
                f"the node valued {head.val} comes again (an old link was left pointing back)"
            )
        seen.add(id(head))
        nodes.append(head)
        head = head.next
    return nodes


def to_values(head, what="the returned list"):
    return [n.val for n in nodes_of(head, what)]


def run(reverse_list, values):
    return {"call": f"reverse_list({short(values, 60)})", "returned": to_values(reverse_list(build(values)))}


def lists(expected, got):
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if have != want:
            raise Fail(f"{e['call']}: expected {short(want, 120)}, got {short(have, 120)}")


@test(check=lists)
def classic_examples(reverse_list):
    return [run(reverse_list, [1, 2, 3, 4, 5]), run(reverse_list, [1, 2]), run(reverse_list, [3, 1, 2])]


@test(check=lists)
def empty_and_single_node(reverse_list):
    return [
        {"call": "reverse_list(None)", "returned": to_values(reverse_list(None))},
        run(reverse_list, [7]),
        run(reverse_list, [0]),
    ]


@test(check=lists)
def duplicate_and_negative_values(reverse_list):
    return [
        run(reverse_list, [0, -1, 0, 5000, -5000]),
        run(reverse_list, [2, 2, 2]),
        run(reverse_list, [-3, -3, 4, 4, -3]),
    ]


@test(check=lists)
def random_lists(reverse_list):
    r = Rand(61).py
    return [run(reverse_list, [r.randint(-9, 9) for _ in range(r.randint(0, 20))]) for _ in range(40)]


@test(check=lists)
def long_list(reverse_list):
    # 10^4 nodes, the largest n: one call per node would pass the recursion limit.
    return [run(reverse_list, list(range(10_000)))]


def _relinked(expected, got):
    lists(expected["result"], got["result"])
    require(
        got["positions of the returned nodes in the input"] == expected["positions of the returned nodes in the input"],
        "reverse_list must relink the nodes it was given: the returned list should be input nodes "
        f"{short(expected['positions of the returned nodes in the input'])} in that order, got "
        f"{short(got['positions of the returned nodes in the input'])} (-1 = a node that was not in the input; "
        "same order = values were rewritten instead of links)",
    )


@test(check=_relinked)
def reverses_the_same_nodes(reverse_list):
    values = [10, 20, 30, 40, 50, 60]
    _nodes = nodes_of(build(values), "the input")
    _where = {id(n): i for i, n in enumerate(_nodes)}
    _out = nodes_of(reverse_list(_nodes[0]))
    result = [{"call": f"reverse_list({short(values)})", "returned": [n.val for n in _out]}]
    return {"result": result, "positions of the returned nodes in the input": [_where.get(id(n), -1) for n in _out]}
