"""Hidden tests for top-k-cosine-search."""

import torch

from mlkata.judge.api import Rand, require, same, test, tensor, unpack

CALL = "top_k_cosine_search(queries, corpus, k, chunk_size)"


def data(seed, q, n, d):
    """Random queries and a corpus whose rows have very different norms (0.1 to 5)."""
    r = Rand(seed)
    queries = r.randn(q, d)
    corpus = r.randn(n, d) * r.rand(n, 1, low=0.1, high=5.0)
    return queries, corpus


def search(fn, queries, corpus, k, chunk_size):
    scores, indices = unpack(fn(queries, corpus, k, chunk_size), 2, CALL)
    return {"scores": tensor(scores, "scores"), "indices": tensor(indices, "indices")}


@test
def matches_exhaustive_search(fn):
    # 12 rows in 3 chunks of 4; norms vary, so a plain dot product ranks differently.
    queries, corpus = data(1, q=3, n=12, d=5)
    return search(fn, queries, corpus, k=3, chunk_size=4)


@test
def chunk_size_does_not_divide_corpus(fn):
    # 103 rows in chunks of 16: the last chunk has 7 rows.
    queries, corpus = data(2, q=4, n=103, d=8)
    return search(fn, queries, corpus, k=5, chunk_size=16)


@test
def k_larger_than_chunk_size(fn):
    # k = 7 with chunks of 3 rows (the last one has 2): no chunk alone holds k candidates.
    queries, corpus = data(3, q=2, n=20, d=6)
    return search(fn, queries, corpus, k=7, chunk_size=3)


@test
def chunk_larger_than_corpus_and_k_equals_n(fn):
    # One partial chunk; k = N is the full ranking.
    queries, corpus = data(4, q=3, n=9, d=4)
    return search(fn, queries, corpus, k=9, chunk_size=64)


@test
def zero_corpus_row_scores_zero(fn):
    # Row 5 is all zeros: its cosine with every query is exactly 0 (not NaN). No ties here.
    queries, corpus = data(5, q=3, n=8, d=3)
    corpus[5] = 0.0
    return search(fn, queries, corpus, k=8, chunk_size=3)


# Exact ties in float32: [3, 4, 0], [6, 8, 0] and [6, 0, 8] all score exactly 0.6 against
# [1, 0, 0]; zero rows and orthogonal rows score exactly 0. Chunks of 4: [0-3], [4-7], [8-10].
TIE_CORPUS = [
    [0, 1, 0], [2, 0, 0], [0, 0, 0], [3, 4, 0],
    [0, 0, 5], [6, 8, 0], [7, 0, 0], [0, 3, 0],
    [-1, 0, 0], [0, 0, 0], [6, 0, 8],
]
TIE_QUERIES = [[1, 0, 0], [0, 2, 0], [0, 0, 0], [0, 0, -1]]


@test
def ties_broken_by_lower_index(fn):
    # Ties inside a chunk and across chunks; the zero query ties every row at 0.
    queries = torch.tensor(TIE_QUERIES, dtype=torch.float32)
    corpus = torch.tensor(TIE_CORPUS, dtype=torch.float32)
    return search(fn, queries, corpus, k=5, chunk_size=4)


Q_BIG, N_BIG = 100, 1200
LIMIT = Q_BIG * N_BIG // 2


def _chunked(expected, got):
    n, shape = got["largest_tensor"]
    require(
        n < LIMIT,
        f"a tensor of shape {tuple(shape)} ({n} elements) was created during the call: with Q = {Q_BIG} "
        f"queries and N = {N_BIG} rows the full similarity matrix has {Q_BIG * N_BIG} elements, and no "
        f"tensor may reach half of that ({LIMIT}); score the corpus chunk by chunk",
    )
    same(expected["scores"], got["scores"], "scores")
    same(expected["indices"], got["indices"], "indices")


@test(check=_chunked)
def never_materialises_full_similarity_matrix(fn):
    from torch.overrides import TorchFunctionMode

    class Watch(TorchFunctionMode):
        """Records the largest tensor any torch operation returns."""

        def __init__(self):
            super().__init__()
            self.largest = (0, ())

        def __torch_function__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            for t in out if isinstance(out, (tuple, list)) else (out,):
                if isinstance(t, torch.Tensor) and t.numel() > self.largest[0]:
                    self.largest = (t.numel(), tuple(t.shape))
            return out

    queries, corpus = data(19, q=Q_BIG, n=N_BIG, d=4)
    watch = Watch()
    with watch:
        result = fn(queries, corpus, 3, 128)
    out = search(lambda *a: result, queries, corpus, 3, 128)
    out["largest_tensor"] = [watch.largest[0], list(watch.largest[1])]
    return out


def _unchanged(expected, got):
    for name in ("queries", "corpus"):
        require(got[f"{name} unchanged"], f"the input {name} was modified in place: do not modify queries or corpus")
    same(expected["scores"], got["scores"], "scores")
    same(expected["indices"], got["indices"], "indices")


@test(check=_unchanged)
def inputs_not_modified(fn):
    queries, corpus = data(6, q=3, n=10, d=4)
    q_before, c_before = queries.clone(), corpus.clone()
    out = search(fn, queries, corpus, k=4, chunk_size=3)
    out["queries unchanged"] = bool(torch.equal(queries, q_before))
    out["corpus unchanged"] = bool(torch.equal(corpus, c_before))
    return out


@test
def k_one_and_chunk_size_one(fn):
    # The smallest k and chunk_size: scores and indices are still (Q, 1).
    queries, corpus = data(7, q=3, n=6, d=4)
    result = {}
    for k, chunk_size in ((1, 4), (2, 1)):
        for name, value in search(fn, queries, corpus, k, chunk_size).items():
            result[f"{name} (k={k}, chunk_size={chunk_size})"] = value
    return result


def _many_ties():
    """60 rows in 4 directions, scaled by powers of two: every cosine with an axis query is exactly 1, 0 or -1."""
    directions = [[1, 0, 0], [0, 1, 0], [-1, 0, 0], [0, 0, 1]]
    rows = [[c * 2.0 ** (i % 5 - 2) for c in directions[(i * 7) % 4]] for i in range(60)]
    return torch.tensor(rows, dtype=torch.float32)


@test
def many_ties_keep_index_order(fn):
    # Dozens of exactly equal scores in one merge: an unstable sort does not keep them in index order.
    queries = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 3.0]])
    return search(fn, queries, _many_ties(), k=40, chunk_size=32)
