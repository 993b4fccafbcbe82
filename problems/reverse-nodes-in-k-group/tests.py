"""Hidden tests for reverse-nodes-in-k-group."""

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


def run(reverse_k_group, values, k):
    return {"call": f"reverse_k_group({short(values, 60)}, {k})", "returned": to_values(reverse_k_group(build(values), k))}


def lists(expected, got):
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if have != want:
            where = ""
            if len(want) > 20:
                i = next((i for i, (x, y) in enumerate(zip(want, have, strict=False)) if x != y), min(len(want), len(have)))
                where = f" (first difference at position {i}: expected {short(want[i : i + 4])}, got {short(have[i : i + 4])})"
            raise Fail(f"{e['call']}: expected {short(want, 120)}, got {short(have, 120)}{where}")


@test(check=lists)
def classic_examples(reverse_k_group):
    # Each of these ends with a leftover group of one node, or none.
    return [
        run(reverse_k_group, [1, 2, 3, 4, 5], 2),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6, 7], 2),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6, 7, 8, 9], 4),
    ]


@test(check=lists)
def leftover_group_keeps_its_order(reverse_k_group):
    return [
        run(reverse_k_group, [1, 2, 3, 4, 5], 3),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6, 7, 8], 3),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6, 7], 4),
        run(reverse_k_group, [1, 2, 3], 2),
    ]


@test(check=lists)
def k_divides_n(reverse_k_group):
    # No leftover: the last group is a full group and is reversed too.
    return [
        run(reverse_k_group, [1, 2, 3, 4, 5, 6], 3),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6], 2),
        run(reverse_k_group, [1, 2, 3, 4, 5, 6, 7, 8], 4),
    ]


@test(check=lists)
def k_is_one_or_n(reverse_k_group):
    return [
        run(reverse_k_group, [1, 2, 3], 1),
        run(reverse_k_group, [1, 2, 3, 4, 5], 5),
        run(reverse_k_group, [9], 1),
        run(reverse_k_group, [4, 7], 2),
    ]


@test(check=lists)
def duplicate_values(reverse_k_group):
    return [
        run(reverse_k_group, [1, 2, 2, 1, 1], 2),
        run(reverse_k_group, [0, 0, 1000, 1000, 0, 7, 7], 3),
    ]


@test(check=lists)
def random_lists(reverse_k_group):
    r = Rand(71).py
    out = []
    for _ in range(40):
        _n = r.randint(1, 20)
        out.append(run(reverse_k_group, [r.randint(0, 9) for _ in range(_n)], r.randint(1, _n)))
    return out


@test(check=lists)
def long_lists(reverse_k_group):
    # 10^4 nodes, the largest n: thousands of groups (one recursive call each would overflow).
    n = 10_000
    return [run(reverse_k_group, list(range(n)), k) for k in (1, 2, 3, n)]


def _relinked(expected, got):
    lists(expected["result"], got["result"])
    require(
        got["positions of the returned nodes in the input"] == expected["positions of the returned nodes in the input"],
        "reverse_k_group must relink the nodes it was given: the result should be input nodes "
        f"{short(expected['positions of the returned nodes in the input'])} in that order, got "
        f"{short(got['positions of the returned nodes in the input'])} (-1 = a node that was not in the input; "
        "an unchanged order = values were rewritten instead of links)",
    )


@test(check=_relinked)
def reverses_the_same_nodes(reverse_k_group):
    values = [10, 20, 30, 40, 50, 60, 70, 80]
    k = 3
    _nodes = nodes_of(build(values), "the input")
    _where = {id(n): i for i, n in enumerate(_nodes)}
    _out = nodes_of(reverse_k_group(_nodes[0], k))
    result = [{"call": f"reverse_k_group({short(values)}, {k})", "returned": [n.val for n in _out]}]
    return {"result": result, "positions of the returned nodes in the input": [_where.get(id(n), -1) for n in _out]}
