"""Hidden tests for binary-tree-level-order-traversal."""

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


def random_tree(r, n, low=-1000, high=1000):
    """A random shape of n nodes with random values, as a level-order list."""
    if n == 0:
        return []
    root = TreeNode(r.randint(low, high))
    free = [(root, "left"), (root, "right")]
    for _ in range(n - 1):
        parent, side = free.pop(r.randrange(len(free)))
        child = TreeNode(r.randint(low, high))
        setattr(parent, side, child)
        free += [(child, "left"), (child, "right")]
    return to_values(root)


def chain(n, sides, start=0):
    """A chain of n nodes valued start, start+1, ...; sides[i % len(sides)] is where node i+1 hangs."""
    root = node = TreeNode(start)
    for i in range(1, n):
        child = TreeNode(start + i)
        setattr(node, sides[(i - 1) % len(sides)], child)
        node = child
    return root


def run(level_order, tree):
    """level_order on a fresh tree built from the level-order list `tree`."""
    return {"call": f"level_order({short(tree, 60)})", "returned": level_order(build(tree))}


def run_root(level_order, root, text):
    return {"call": f"level_order({text})", "returned": level_order(root)}


def is_levels(value):
    return type(value) is list and all(type(lv) is list and all(type(x) is int for x in lv) for lv in value)


def levels(expected, got):
    """Each call's result must equal the reference's: a list of lists of ints."""
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if have == want and is_levels(have):
            continue
        if not isinstance(have, list):
            raise Fail(f"{e['call']}: expected {short(want, 150)}, got {describe(have)}")
        where = ""
        if len(want) > 6 and have:
            d = next((d for d, (x, y) in enumerate(zip(want, have, strict=False)) if x != y), min(len(want), len(have)))
            where = f" (first difference at depth {d}: expected {short(want[d : d + 1])}, got {short(have[d : d + 1])})"
        raise Fail(f"{e['call']}: expected {short(want, 150)}, got {short(have, 150)}{where}")


@test(check=levels)
def classic_examples(level_order):
    return [
        run(level_order, [3, 9, 20, None, None, 15, 7]),
        run(level_order, [1, 2, 3, 4, 5, 6, 7]),
        run(level_order, [1, 2, 3, 4, None, None, 5]),
    ]


@test(check=levels)
def children_left_to_right(level_order):
    # Asymmetric trees: visiting the right child first, or walking depth-first, reorders a level.
    return [
        run(level_order, [1, 2, 3, None, 4, 5]),
        run(level_order, [5, 1, 9, 0, 2, None, 12, None, None, None, 3, 11]),
        run(level_order, [1, 2, 3, 4, None, None, 5, 6, None, None, 7]),
    ]


@test(check=levels)
def empty_and_single_node(level_order):
    return [
        run_root(level_order, None, "None"),
        run(level_order, [42]),
        run(level_order, [-7, None, 3]),
    ]


@test(check=levels)
def duplicate_and_negative_values(level_order):
    # Values repeat: every node counts, even one whose value was already seen.
    return [
        run(level_order, [1, 1, 1, 1, None, 1]),
        run(level_order, [-1000, 1000, -1000, 0, 0, None, -5]),
        run(level_order, [2, 2, 3, 3, None, 2, 2]),
    ]


@test(check=levels)
def random_small_trees(level_order):
    r = Rand(11).py
    return [run(level_order, random_tree(r, r.randint(1, 25), -9, 9)) for _ in range(40)]


@test(check=levels)
def deep_chains(level_order):
    # Chains of 10^4 nodes (the largest n): one node per level, 10^4 levels deep.
    n = 10_000
    return [
        run_root(level_order, chain(n, ["left"]), f"<left chain of {n} nodes>"),
        run_root(level_order, chain(n, ["right"]), f"<right chain of {n} nodes>"),
        run_root(level_order, chain(n, ["left", "right"]), f"<zigzag chain of {n} nodes>"),
    ]


@test(check=levels)
def large_random_tree(level_order):
    r = Rand(12).py
    n = 10_000
    return [run(level_order, random_tree(r, n))]


def _unchanged(expected, got):
    levels([expected["result"]], [got["result"]])
    require(
        got["tree after the call"] == got["tree before the call"],
        f"level_order modified the tree: it was {short(got['tree before the call'], 80)} before the call "
        f"and {short(got['tree after the call'], 80)} after it",
    )


@test(check=_unchanged)
def tree_is_not_modified(level_order):
    tree = [8, 3, 10, 1, 6, None, 14, None, None, 4, 7, 13]
    _root = build(tree)
    result = run_root(level_order, _root, short(tree, 60))
    return {"result": result, "tree before the call": tree, "tree after the call": to_values(_root)}
