import torch


def top_k_cosine_search(queries, corpus, k, chunk_size):
    """Return (scores, indices): the k corpus rows most cosine-similar to each query.

    queries: (Q, D) float32, corpus: (N, D) float32, 1 <= k <= N, chunk_size >= 1.
    Score the corpus chunk by chunk (rows [s, s + chunk_size)), never all N rows at once.
    scores: (Q, k) float32, descending per row; indices: (Q, k) int64 into corpus.
    A zero vector has similarity 0 with everything. Equal scores: lower corpus index first.
    """
    raise NotImplementedError
