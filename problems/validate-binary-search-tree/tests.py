"""Hidden tests for validate-binary-search-tree."""

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


LOW, HIGH = -(2**31), 2**31 - 1


def random_bst(r, n, span):
    """A random search tree of n distinct values in [-span, span), as a level-order list."""
    values = r.sample(range(-span, span), n)
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
    """0, n, 1, n-1, 2, ...: a valid search tree as a right, left, right, ... chain."""
    lo, hi, out = 0, n, []
    for i in range(n):
        if i % 2 == 0:
            out.append(lo)
            lo += 1
        else:
            out.append(hi)
            hi -= 1
    return out


def run(is_valid_bst, tree):
    return {"call": f"is_valid_bst({short(tree, 60)})", "returned": is_valid_bst(build(tree))}


def run_root(is_valid_bst, root, text):
    return {"call": f"is_valid_bst({text})", "returned": is_valid_bst(root)}


def verdicts(expected, got):
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if type(have) is not bool:
            raise Fail(f"{e['call']}: expected {want}, got {describe(have)} (return a bool)")
        if have != want:
            raise Fail(f"{e['call']}: expected {want}, got {have}")


@test(check=verdicts)
def classic_examples(is_valid_bst):
    return [
        run(is_valid_bst, [2, 1, 3]),
        run(is_valid_bst, [5, 1, 4, None, None, 3, 6]),
        run(is_valid_bst, [8, 4, 12, 2, 6, 10, 14]),
        run(is_valid_bst, [10, 5, 15, None, None, 12, 20, 11]),
    ]


@test(check=verdicts)
def whole_subtree_not_just_children(is_valid_bst):
    # Each node is ordered with its children, but not with an ancestor further up.
    return [
        run(is_valid_bst, [5, 4, 6, None, None, 3, 7]),
        run(is_valid_bst, [3, 1, 5, 0, 4]),
        run(is_valid_bst, [10, 5, 15, None, None, 6, 20]),
        run(is_valid_bst, [32, 26, 47, 19, None, None, 56, None, 27]),
        run(is_valid_bst, [5, 3, 8, 1, 4, 6, 9]),  # valid: every bound holds
    ]


@test(check=verdicts)
def duplicates_are_invalid(is_valid_bst):
    return [
        run(is_valid_bst, [2, 2, 2]),
        run(is_valid_bst, [1, 1]),
        run(is_valid_bst, [1, None, 1]),
        run(is_valid_bst, [5, 3, 7, None, 5]),
        run(is_valid_bst, [5, 3, 7, None, None, 5]),
    ]


@test(check=verdicts)
def empty_and_single_node(is_valid_bst):
    return [
        run_root(is_valid_bst, None, "None"),
        run(is_valid_bst, [7]),
        run(is_valid_bst, [-7, -8]),
    ]


@test(check=verdicts)
def extreme_values(is_valid_bst):
    # Both int32 bounds are values: a sentinel equal to a bound rejects a valid tree.
    return [
        run(is_valid_bst, [LOW]),
        run(is_valid_bst, [HIGH]),
        run(is_valid_bst, [LOW, None, HIGH]),
        run(is_valid_bst, [HIGH, LOW]),
        run(is_valid_bst, [0, LOW, HIGH]),
        run(is_valid_bst, [HIGH, HIGH]),
    ]


@test(check=verdicts)
def zero_is_a_value(is_valid_bst):
    # 0 is falsy: a check like `if prev and ...` skips it.
    return [
        run(is_valid_bst, [0, None, -1]),
        run(is_valid_bst, [0, None, 0]),
        run(is_valid_bst, [1, 0, None, None, -5]),
        run(is_valid_bst, [-3, None, 0, None, 0]),
        run(is_valid_bst, [0, -2, 4, None, -1, 1]),
    ]


@test(check=verdicts)
def random_small_trees(is_valid_bst):
    # Random search trees, half of them with one non-root value replaced (which usually breaks them).
    r = Rand(31).py
    out = []
    for _i in range(60):
        _tree = random_bst(r, r.randint(2, 15), 30)
        if _i % 2:
            _where = r.choice([j for j, v in enumerate(_tree) if v is not None and j > 0])
            _tree[_where] = r.randrange(-30, 30)
        out.append(run(is_valid_bst, _tree))
    return out


@test(check=verdicts)
def deep_chains(is_valid_bst):
    # Chains of 10^4 nodes (the largest n), valid and invalid.
    n = 10_000
    _bad_zigzag = zigzag_values(n)
    _bad_zigzag[-1] = _bad_zigzag[1]  # the deepest node repeats a value near the top
    return [
        run_root(is_valid_bst, chain(list(range(n)), ["right"]), f"<right chain 0, 1, ..., {n - 1}>"),
        run_root(is_valid_bst, chain(list(range(n, 0, -1)), ["left"]), f"<left chain {n}, {n - 1}, ..., 1>"),
        run_root(is_valid_bst, chain(zigzag_values(n), ["right", "left"]), f"<zigzag chain 0, {n}, 1, {n - 1}, ...>"),
        run_root(is_valid_bst, chain(_bad_zigzag, ["right", "left"]), f"<zigzag chain 0, {n}, 1, ..., its last node {n}>"),
    ]


@test(check=verdicts)
def large_random_trees(is_valid_bst):
    r = Rand(32).py
    tree = random_bst(r, 10_000, 10**9)
    _swapped = list(tree)
    _swapped[1], _swapped[2] = _swapped[2], _swapped[1]
    return [run(is_valid_bst, tree), run(is_valid_bst, _swapped)]


def _unchanged(expected, got):
    verdicts(expected["result"], got["result"])
    for before, after in zip(got["trees before the call"], got["trees after the call"], strict=True):
        require(
            after == before,
            f"is_valid_bst modified the tree: it was {short(before, 80)} before the call and {short(after, 80)} after it",
        )


@test(check=_unchanged)
def tree_is_not_modified(is_valid_bst):
    # A valid tree and one whose violation (2 after 3 in order) is deep on the left.
    trees = [[8, 3, 10, 1, 6, None, 14, None, None, 4, 7, 13], [8, 3, 10, 1, 6, None, 14, None, None, 2, 7, 13]]
    _roots = [build(t) for t in trees]
    result = [run_root(is_valid_bst, _root, short(t, 60)) for _root, t in zip(_roots, trees, strict=True)]
    return {"result": result, "trees before the call": trees, "trees after the call": [to_values(_r) for _r in _roots]}
