"""Hidden tests for merge-k-sorted-lists."""

from mlkata.judge.api import Rand, WrongAnswer, describe, test


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def build(values):
    """A linked list of the values, or None for an empty list."""
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def read(head, limit, what):
    """The values from head to the end; WrongAnswer if a node is not a node or the list does not end."""
    values = []
    node = head
    while node is not None:
        if not hasattr(node, "val") or not hasattr(node, "next"):
            raise WrongAnswer(f"{what} returned {describe(node)} where a ListNode (or None) was expected")
        values.append(node.val)
        if len(values) > limit:
            raise WrongAnswer(
                f"{what} returned a list with more than the {limit} input nodes, starting "
                f"{show(values[:8])}{' -> ...' if len(values) > 8 else ''}: an extra node (a dummy head "
                "returned instead of dummy.next?) or a cycle (the last node's next must be None)"
            )
        node = node.next
    return values


def show(values):
    return " -> ".join(map(str, values)) if values else "None"


def merge(merge_k_lists, lists):
    """Build the lists, call the solution, and read back the merged list's values (None: no node)."""
    total = sum(len(v) for v in lists)
    text = f"merge_k_lists([{', '.join(show(v) for v in lists)}])"
    if len(text) > 120:
        text = f"merge_k_lists(<{len(lists)} lists, {total} nodes>)"
    head = merge_k_lists([build(v) for v in lists])
    return {"call": text, "returned": None if head is None else read(head, total, text)}


def sorted_values(r, n, low=-20, high=20):
    return sorted(r.randint(low, high) for _ in range(n))


@test
def classic_examples(merge_k_lists):
    return [
        merge(merge_k_lists, [[1, 4, 5], [1, 3, 4], [2, 6]]),
        merge(merge_k_lists, [[5, 6], [1, 2, 3]]),
        merge(merge_k_lists, [[2], [0], [1]]),
    ]


@test
def no_node_returns_none(merge_k_lists):
    return [merge(merge_k_lists, []), merge(merge_k_lists, [[]]), merge(merge_k_lists, [[], [], []])]


@test
def some_lists_empty(merge_k_lists):
    return [
        merge(merge_k_lists, [[], [2, 2], [], [-1]]),
        merge(merge_k_lists, [[3, 8], []]),
        merge(merge_k_lists, [[], [7]]),
    ]


@test
def single_list(merge_k_lists):
    return [merge(merge_k_lists, [[1, 2, 3]]), merge(merge_k_lists, [[7]])]


@test
def duplicates_within_and_across_lists(merge_k_lists):
    return [
        merge(merge_k_lists, [[1, 1, 1], [1, 1], [1]]),
        merge(merge_k_lists, [[2, 2, 3], [2, 3, 3], [3]]),
        merge(merge_k_lists, [[0, 5, 5], [5], [0, 0, 5]]),
    ]


@test
def extreme_values(merge_k_lists):
    return [
        merge(merge_k_lists, [[-10000, 0, 10000], [-10000, 10000], [9999]]),
        merge(merge_k_lists, [[-3, -2, -1], [-10, -5]]),
    ]


@test
def random_small_cases(merge_k_lists):
    r = Rand(23).py
    return [
        merge(merge_k_lists, [sorted_values(r, r.randint(0, 7)) for _ in range(r.randint(1, 8))])
        for _ in range(40)
    ]


@test
def long_lists_of_fifty_thousand_nodes(merge_k_lists):
    # N = 5 * 10^4 (the bound) in two interleaved lists of values in [-10^4, 10^4): a recursive
    # two-list merge goes 5 * 10^4 levels deep.
    evens = [-10_000 + (2 * i) * 20_000 // 50_000 for i in range(25_000)]
    odds = [-10_000 + (2 * i + 1) * 20_000 // 50_000 for i in range(25_000)]
    return [merge(merge_k_lists, [evens, odds])]


@test
def ten_thousand_lists(merge_k_lists):
    # k = 10^4 heads, almost all None.
    lists = [[] for _ in range(10_000)]
    lists[17], lists[5_000], lists[9_999] = [4, 9], [-2, 4], [0]
    return [merge(merge_k_lists, lists)]


@test
def many_lists_within_time_limit(merge_k_lists):
    # k = 10^4 lists of 5 nodes (N = 5 * 10^4), each ending with 10^4, the largest value: merging
    # them into the result one at a time walks the whole result each time (~2.5 * 10^8 node
    # steps); a heap does ~10^6.
    r = Rand(24).py
    lists = [sorted(r.randint(-10_000, 9_999) for _ in range(4)) + [10_000] for _ in range(10_000)]
    return [merge(merge_k_lists, lists)]
