"""Hidden tests for linked-list-cycle."""

from mlkata.judge.api import Rand, WrongAnswer, describe, require, same, test


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def build(values, pos):
    """The nodes of a list of the values whose last node links to index pos (-1: no cycle)."""
    nodes = [ListNode(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    if nodes and pos >= 0:
        nodes[-1].next = nodes[pos]
    return nodes


def show(values, pos):
    if not values:
        return "detect_cycle(None)"
    text = " -> ".join(map(str, values)) if len(values) <= 12 else f"<{len(values)} nodes>"
    return f"detect_cycle({text}, {'pos = ' + str(pos) if pos >= 0 else 'no cycle'})"


def which(result, nodes, values, what):
    """The returned node as 'node i (val v)', or None; WrongAnswer if it is not one of the list's nodes."""
    if result is None:
        return None
    index = {id(node): i for i, node in enumerate(nodes)}.get(id(result))
    if index is None or nodes[index] is not result:
        raise WrongAnswer(
            f"{what} returned {describe(result)}, which is not a node of the list: "
            "return the node object itself where the cycle begins (not its value or a copy), or None"
        )
    return f"node {index} (val {values[index]})"


def detect(detect_cycle, values, pos):
    """Build the list, call the solution on its head, and name the node it returns."""
    nodes = build(values, pos)
    text = show(values, pos)
    return {"call": text, "returned": which(detect_cycle(nodes[0] if nodes else None), nodes, values, text)}


@test
def classic_examples(detect_cycle):
    return [
        detect(detect_cycle, [3, 2, 0, -4], 1),
        detect(detect_cycle, [1, 2], 0),
        detect(detect_cycle, [1], -1),
        detect(detect_cycle, [7, 4, 9, 6, 8, 2, 5], 3),
    ]


@test
def no_cycle_returns_none(detect_cycle):
    return [detect(detect_cycle, values, -1) for values in ([1, 2], [1, 2, 3], [4, 8, 15, 16, 23, 42], [9])]


@test
def empty_list_returns_none(detect_cycle):
    return [detect(detect_cycle, [], -1)]


@test
def single_node_pointing_to_itself(detect_cycle):
    return [detect(detect_cycle, [1], 0), detect(detect_cycle, [-5], 0)]


@test
def cycle_back_to_the_head(detect_cycle):
    return [detect(detect_cycle, list(range(n)), 0) for n in (2, 3, 5, 8)]


@test
def last_node_points_to_itself(detect_cycle):
    return [detect(detect_cycle, list(range(n)), n - 1) for n in (2, 3, 6)]


@test
def every_entry_point(detect_cycle):
    # Tails and cycles of every length from a 9-node and a 10-node list.
    return [detect(detect_cycle, list(range(10, 10 + n)), pos) for n in (9, 10) for pos in range(-1, n)]


@test
def repeated_values_are_different_nodes(detect_cycle):
    return [
        detect(detect_cycle, [5, 5, 5, 5], -1),
        detect(detect_cycle, [1, 2, 1, 2, 3], 3),
        detect(detect_cycle, [0, 0, 0], 1),
        detect(detect_cycle, [2, 1, 2], 2),
    ]


@test
def extreme_values(detect_cycle):
    return [
        detect(detect_cycle, [-100_000, 100_000, 0], 2),
        detect(detect_cycle, [100_000, -100_000], -1),
    ]


@test
def random_small_cases(detect_cycle):
    r = Rand(142).py
    calls = []
    for _ in range(60):
        n = r.randint(1, 30)
        values = [r.randint(-3, 3) for _ in range(n)]
        calls.append(detect(detect_cycle, values, r.randrange(n) if r.random() < 0.7 else -1))
    return calls


def _unchanged(expected, got):
    same(expected["returned"], got["returned"], "returned")
    for case, changed in got["changed nodes"].items():
        require(
            not changed,
            f"{case} modified the list: {changed} (the list must keep every val and next; "
            "to remember visited nodes, use a set or two pointers)",
        )


@test(check=_unchanged)
def list_is_not_modified(detect_cycle):
    returned, changed = [], {}
    for _values, _pos in (([3, 2, 0, -4], 1), ([1, 2, 3], -1), ([6, 7, 8, 9, 10], 0)):
        _nodes = build(_values, _pos)
        _text = show(_values, _pos)
        _links = [node.next for node in _nodes]
        returned.append(which(detect_cycle(_nodes[0]), _nodes, _values, _text))
        changed[_text] = next(
            (
                f"node {i} had val {_values[i]} and now has {node.val!r}"
                if node.val != _values[i]
                else f"node {i}'s next was changed"
                for i, node in enumerate(_nodes)
                if node.val != _values[i] or node.next is not _links[i]
            ),
            "",
        )
    return {"returned": returned, "changed nodes": changed}


@test
def long_lists_within_time_limit(detect_cycle):
    # 10^5 nodes with a cycle entered half way, and 10^5 nodes without a cycle: a list of visited
    # nodes makes each step O(n).
    return [
        detect(detect_cycle, list(range(100_000)), 50_000),
        detect(detect_cycle, list(range(100_000)), -1),
    ]
