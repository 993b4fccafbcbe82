"""Hidden tests for serialize-deserialize-binary-tree."""

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


def round_trip(codec_cls, root, text):
    """Serialize with one Codec and deserialize with a new one: the rebuilt tree, as a list."""
    data = codec_cls().serialize(root)
    if not isinstance(data, str):
        raise WrongAnswer(f"Codec().serialize({text}) should return a str, got {describe(data)}")
    back = codec_cls().deserialize(data)
    return {"call": f"Codec().deserialize(Codec().serialize({text}))", "returned": to_values(back, "the rebuilt tree")}


def run(codec_cls, tree):
    return round_trip(codec_cls, build(tree), short(tree, 60))


def rebuilt(expected, got):
    """Each rebuilt tree must equal the tree that was serialized (the reference's output)."""
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if have == want and all(v is None or type(v) is int for v in have):
            continue
        where = ""
        if len(want) > 12:
            i = next((i for i, (x, y) in enumerate(zip(want, have, strict=False)) if x != y), min(len(want), len(have)))
            where = f" (level-order lists first differ at position {i}: expected {short(want[i : i + 3])}, got {short(have[i : i + 3])})"
        raise Fail(f"{e['call']}: expected the tree {short(want, 120)}, got {short(have, 120)}{where}")


@test(check=rebuilt)
def classic_round_trips(codec):
    return [
        run(codec, [1, 2, 3, None, None, 4, 5]),
        run(codec, [3, 9, 20, None, None, 15, 7]),
        run(codec, [1, 2, 3, 4, 5, 6, 7]),
    ]


@test(check=rebuilt)
def empty_tree_and_single_node(codec):
    return [round_trip(codec, None, "None"), run(codec, [0]), run(codec, [7])]


@test(check=rebuilt)
def missing_children_keep_their_place(codec):
    # Left and right matter: these differ only in which side a child hangs on.
    return [
        run(codec, [1, None, 2, None, 3]),
        run(codec, [1, 2, None, 3]),
        run(codec, [1, 2, None, None, 3]),
        run(codec, [1, None, 2, 3]),
        run(codec, [5, 4, 7, 3, None, 2, None, 8, None, 9]),
    ]


@test(check=rebuilt)
def negative_and_multi_digit_values(codec):
    return [
        run(codec, [-1000, 1000, -1, 10, -10, 100]),
        run(codec, [12, -345, 999, None, -7]),
        run(codec, [-1]),
    ]


@test(check=rebuilt)
def duplicate_values(codec):
    # Same values, different shapes: only the positions tell them apart.
    return [
        run(codec, [1, 1, 1, None, 1]),
        run(codec, [1, 1, 1, 1]),
        run(codec, [2, 2, None, 2, None, 2]),
        run(codec, [2, None, 2, None, 2, 2]),
    ]


@test(check=rebuilt)
def random_small_trees(codec):
    r = Rand(41).py
    return [run(codec, random_tree(r, r.randint(1, 25), -20, 20)) for _ in range(40)]


@test(check=rebuilt)
def deep_chains(codec):
    n = 10_000
    return [
        round_trip(codec, chain(n, ["left"]), f"<left chain of {n} nodes>"),
        round_trip(codec, chain(n, ["right"]), f"<right chain of {n} nodes>"),
        round_trip(codec, chain(n, ["left", "right"], -5000), f"<zigzag chain of {n} nodes>"),
    ]


@test(check=rebuilt)
def large_random_tree(codec):
    r = Rand(42).py
    return [run(codec, random_tree(r, 10_000))]


def _fresh(expected, got):
    rebuilt(expected["result"], got["result"])
    require(
        not got["rebuilt tree reuses an original node"],
        "Codec().deserialize returned nodes of the original tree: build new nodes from the string",
    )


@test(check=_fresh)
def deserialize_builds_new_nodes_from_the_string(codec):
    # Serialize, then change the original tree, then deserialize with a new Codec: the string
    # alone must give back the tree as it was when it was serialized.
    tree = [4, 2, 6, 1, 3, 5, 7]
    _root = build(tree)
    _nodes = [_root, _root.left, _root.right]
    _data = codec().serialize(_root)
    _originals = {id(n) for n in _nodes}
    _nodes[0].val, _nodes[1].val, _nodes[0].right = 40, 20, None
    _back = codec().deserialize(_data)
    _reused = False
    _stack = [_back]
    while _stack:
        _node = _stack.pop()
        if _node is not None:
            _reused = _reused or id(_node) in _originals
            _stack += [_node.left, _node.right]
    result = [
        {
            "call": f"Codec().deserialize(Codec().serialize({short(tree)})), the tree changed in between",
            "returned": to_values(_back, "the rebuilt tree"),
        }
    ]
    return {"result": result, "rebuilt tree reuses an original node": _reused}


def _unchanged(expected, got):
    require(
        got["tree after serialize"] == got["tree before serialize"],
        f"Codec().serialize modified the tree: it was {short(got['tree before serialize'], 80)} before the call "
        f"and {short(got['tree after serialize'], 80)} after it",
    )
    rebuilt(expected["result"], got["result"])


@test(check=_unchanged)
def serialize_does_not_modify_the_tree(codec):
    tree = [8, 3, 10, 1, 6, None, 14, None, None, 4, 7, 13]
    _root = build(tree)
    _data = codec().serialize(_root)
    after = to_values(_root)
    result = [
        {
            "call": f"Codec().deserialize(Codec().serialize({short(tree)}))",
            "returned": to_values(codec().deserialize(_data), "the rebuilt tree"),
        }
    ]
    return {"result": result, "tree before serialize": tree, "tree after serialize": after}
