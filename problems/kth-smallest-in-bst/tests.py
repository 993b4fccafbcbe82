"""Hidden tests for kth-smallest-in-bst."""

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


def random_bst(r, n, high=10**4):
    """A random search tree of n distinct values in [0, high], as a level-order list."""
    values = r.sample(range(high + 1), n)
    root = TreeNode(values[0])
    for val in values[1:]:
        node = root
        while True:
            side = "left" if val < node.val else "right"
            if getattr(node, side) is None:
                setattr(node, side, TreeNode(val))
                break
            node = getattr(node, side)
    return to_values(root)


def chain(values, sides):
    """A chain of nodes with these values; sides[i % len(sides)] is where node i+1 hangs."""
    root = node = TreeNode(values[0])
    for i, val in enumerate(values[1:]):
        child = TreeNode(val)
        setattr(node, sides[i % len(sides)], child)
        node = child
    return root


def zigzag_values(n):
    """0, n - 1, 1, n - 2, ...: a valid search tree as a right, left, right, ... chain."""
    lo, hi, out = 0, n - 1, []
    for i in range(n):
        if i % 2 == 0:
            out.append(lo)
            lo += 1
        else:
            out.append(hi)
            hi -= 1
    return out


def run(kth_smallest, tree, k):
    return {"call": f"kth_smallest({short(tree, 60)}, {k})", "returned": kth_smallest(build(tree), k)}


def run_root(kth_smallest, root, text, k):
    return {"call": f"kth_smallest({text}, {k})", "returned": kth_smallest(root, k)}


def values(expected, got):
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if type(have) is not int or have != want:
            raise Fail(f"{e['call']}: expected {want}, got {short(have) if type(have) is int else describe(have)}")


@test(check=values)
def classic_examples(kth_smallest):
    return [
        run(kth_smallest, [3, 1, 4, None, 2], 1),
        run(kth_smallest, [5, 3, 6, 2, 4, None, None, 1], 3),
        run(kth_smallest, [8, 4, 12, 2, 6, 10, 14], 5),
        run(kth_smallest, [20, 10, 30, 5, 15, 25, 35, None, None, 12], 4),
    ]


@test(check=values)
def k_counts_from_one(kth_smallest):
    # Every k from 1 (the smallest) to n (the largest) on one tree.
    tree = [50, 30, 70, 20, 40, 60, 80, 10, None, None, 45]
    return [run(kth_smallest, tree, k) for k in range(1, 10)]


@test(check=values)
def single_node_and_zero(kth_smallest):
    return [
        run(kth_smallest, [7], 1),
        run(kth_smallest, [0], 1),
        run(kth_smallest, [1, 0, 2], 1),
        run(kth_smallest, [10000, 0], 2),
    ]


@test(check=values)
def random_small_trees(kth_smallest):
    r = Rand(51).py
    out = []
    for _ in range(40):
        _n = r.randint(1, 20)
        out.append(run(kth_smallest, random_bst(r, _n, 60), r.randint(1, _n)))
    return out


@test(check=values)
def deep_chains(kth_smallest):
    # Chains of 10^4 nodes (the largest n); the wanted node sits far down each chain.
    n = 10_000
    return [
        run_root(kth_smallest, chain(list(range(n)), ["right"]), f"<right chain 0, 1, ..., {n - 1}>", n),
        run_root(kth_smallest, chain(list(range(n, 0, -1)), ["left"]), f"<left chain {n}, {n - 1}, ..., 1>", 1),
        run_root(kth_smallest, chain(list(range(n, 0, -1)), ["left"]), f"<left chain {n}, {n - 1}, ..., 1>", n),
        run_root(kth_smallest, chain(zigzag_values(n), ["right", "left"]), f"<zigzag chain 0, {n - 1}, 1, {n - 2}, ...>", n // 2),
    ]


@test(check=values)
def large_random_tree(kth_smallest):
    r = Rand(52).py
    tree = random_bst(r, 10_000)
    return [run(kth_smallest, tree, k) for k in (1, 2, 5_000, 9_999, 10_000)]


def _unchanged(expected, got):
    values(expected["result"], got["result"])
    require(
        got["tree after the calls"] == got["tree before the calls"],
        f"kth_smallest modified the tree: it was {short(got['tree before the calls'], 80)} before the calls "
        f"and {short(got['tree after the calls'], 80)} after them",
    )


@test(check=_unchanged)
def tree_is_not_modified(kth_smallest):
    # The same tree is asked for k = 2 and then k = 7: the walk must leave it as it found it.
    tree = [8, 3, 10, 1, 6, None, 14, None, None, 4, 7, 13]
    _root = build(tree)
    result = [run_root(kth_smallest, _root, short(tree, 60), 2), run_root(kth_smallest, _root, short(tree, 60), 7)]
    return {"result": result, "tree before the calls": tree, "tree after the calls": to_values(_root)}
