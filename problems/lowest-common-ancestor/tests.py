"""Hidden tests for lowest-common-ancestor."""

from collections import deque

from mlkata.judge.api import Fail, Rand, WrongAnswer, describe, require, short, test


class TreeNode:
    """The tests' own node class: a solution may use only val, left and right."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def build(values):
    """The tree of a LeetCode level-order list (None = no node there); None if empty."""
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue, i = deque([root]), 1
    while i < len(values):
        node = queue.popleft()
        for side in ("left", "right"):
            if i < len(values) and values[i] is not None:
                child = TreeNode(values[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def to_values(root, what="the tree", limit=10**5):
    """The LeetCode level-order list of a tree (trailing Nones dropped), walked without recursion."""
    out, queue, seen = [], deque([root]), set()
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        if id(node) in seen or len(seen) >= limit:
            raise WrongAnswer(f"{what} is not a tree: a node is reachable twice (a cycle or a shared child)")
        seen.add(id(node))
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def random_tree(r, n, span=10**9):
    """A random shape of n nodes with distinct values in [-span, span), as a level-order list."""
    values = r.sample(range(-span, span), n)
    root = TreeNode(values[0])
    free = [(root, "left"), (root, "right")]
    for val in values[1:]:
        parent, side = free.pop(r.randrange(len(free)))
        child = TreeNode(val)
        setattr(parent, side, child)
        free += [(child, "left"), (child, "right")]
    return to_values(root)


def chain(values, sides):
    """A chain of nodes with these values; sides[i % len(sides)] is where node i+1 hangs."""
    root = node = TreeNode(values[0])
    for i, val in enumerate(values[1:]):
        child = TreeNode(val)
        setattr(node, sides[i % len(sides)], child)
        node = child
    return root


def nodes_by_value(root):
    """Every node of the tree, by value (values are distinct), walked without recursion."""
    found, stack = {}, [root]
    while stack:
        node = stack.pop()
        if node is not None:
            found[node.val] = node
            stack += [node.left, node.right]
    return found


def name_of(answer, nodes):
    """How the answer reads: 'node 3' for a node of the tree, else what it is."""
    if any(answer is node for node in nodes.values()):
        return f"node {answer.val}"
    if hasattr(answer, "val"):
        return f"a node that is not in the tree (val {short(answer.val)})"
    return describe(answer)


def ask(lca, root, p, q, tree_text):
    """lca(root, node p, node q) on the tree itself: the answer named as a node of the tree."""
    nodes = nodes_by_value(root)
    answer = lca(root, nodes[p], nodes[q])
    return {"call": f"lowest_common_ancestor({tree_text}, node {p}, node {q})", "returned": name_of(answer, nodes)}


def run(lca, tree, pairs):
    return [ask(lca, build(tree), p, q, short(tree, 60)) for p, q in pairs]


def answers(expected, got):
    for e, g in zip(expected, got, strict=True):
        if g["returned"] != e["returned"]:
            raise Fail(f"{e['call']}: expected {e['returned']}, got {g['returned']}")


CLASSIC = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4]


@test(check=answers)
def classic_examples(lca):
    return run(lca, CLASSIC, [(5, 1), (7, 8), (6, 4), (6, 8), (7, 4)])


@test(check=answers)
def node_is_its_own_descendant(lca):
    # One of p and q is an ancestor of the other: the answer is that node, whichever order.
    return run(lca, CLASSIC, [(5, 4), (4, 5), (3, 7), (8, 3), (2, 7)]) + run(lca, [1, 2], [(1, 2), (2, 1)])


@test(check=answers)
def tree_is_not_a_search_tree(lca):
    # Values in no order: comparing values with the root's as in a BST picks the wrong side.
    return run(lca, [10, 30, 20, 25, 5, 15, 35], [(25, 5), (15, 35), (25, 35), (5, 15)])


@test(check=answers)
def zero_and_extreme_values(lca):
    # Values include 0 (falsy) and both bounds.
    return run(lca, [0, -1000000000, 1000000000, 7, -3, None, 1], [(7, -3), (7, 1), (-1000000000, 1), (0, 1)]) + run(
        lca, [5, 0, 8, 7, 4], [(7, 4), (0, 8), (4, 0)]
    )


@test(check=answers)
def random_small_trees(lca):
    r = Rand(21).py
    out = []
    for _ in range(40):
        _tree = random_tree(r, r.randint(2, 20), 100)
        _p, _q = r.sample([v for v in _tree if v is not None], 2)
        out += run(lca, _tree, [(_p, _q)])
    return out


@test(check=answers)
def deep_chains(lca):
    # Chains of 10^4 nodes (the largest n): the pairs sit at the bottom, 10^4 levels down.
    n = 10_000
    out = []
    for _sides, _what in ((["left"], "left chain"), (["right"], "right chain"), (["left", "right"], "zigzag chain")):
        out.append(ask(lca, chain(list(range(n)), _sides), n - 2, n - 1, f"<{_what} of {n} nodes>"))
    _broom = chain(list(range(n - 1)), ["left"])
    nodes_by_value(_broom)[n // 2].right = TreeNode(n - 1)  # a second branch halfway down
    out.append(ask(lca, _broom, n - 2, n - 1, f"<left chain of {n - 1} nodes, node {n - 1} the right child of node {n // 2}>"))
    return out


@test(check=answers)
def large_random_tree(lca):
    r = Rand(22).py
    tree = random_tree(r, 10_000)
    _values = [v for v in tree if v is not None]
    return run(lca, tree, [tuple(r.sample(_values, 2)) for _ in range(5)])


def _unchanged(expected, got):
    answers(expected["result"], got["result"])
    require(
        got["tree after the call"] == got["tree before the call"],
        f"lowest_common_ancestor modified the tree: it was {short(got['tree before the call'], 80)} "
        f"before the call and {short(got['tree after the call'], 80)} after it",
    )


@test(check=_unchanged)
def tree_is_not_modified(lca):
    tree = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4]
    _root = build(tree)
    result = [ask(lca, _root, 7, 0, short(tree, 60))]
    return {"result": result, "tree before the call": tree, "tree after the call": to_values(_root)}
