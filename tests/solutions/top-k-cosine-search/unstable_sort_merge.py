# expect: wrong_answer many_ties_keep_index_order
# Merges with torch.sort(descending=True) without stable=True: with many equal scores the lower index no longer comes first.
import torch

EPS = 1e-12


def _unit_rows(x):
    """Rows scaled to unit length; zero rows stay zero (so their cosine with anything is 0)."""
    return x / x.norm(dim=1, keepdim=True).clamp_min(EPS)


def top_k_cosine_search(queries, corpus, k, chunk_size):
    """Return (scores, indices): the k corpus rows most cosine-similar to each query."""
    q = _unit_rows(queries)
    n_queries, n_corpus = queries.shape[0], corpus.shape[0]
    # Running top-k so far: every candidate here has a lower corpus index than the next chunk.
    best_scores = queries.new_empty(n_queries, 0)
    best_indices = torch.empty(n_queries, 0, dtype=torch.long)
    for start in range(0, n_corpus, chunk_size):
        block = corpus[start : start + chunk_size]  # the last chunk may be shorter
        scores = q @ _unit_rows(block).T  # (Q, m): only this chunk's similarities
        indices = torch.arange(start, start + block.shape[0]).expand(n_queries, -1)
        scores = torch.cat([best_scores, scores], dim=1)
        indices = torch.cat([best_indices, indices], dim=1)
        # A stable descending sort keeps equal scores in index order: lower index first.
        order = torch.sort(scores, dim=1, descending=True).indices[:, :k]
        best_scores = scores.gather(1, order)
        best_indices = indices.gather(1, order)
    return best_scores, best_indices
