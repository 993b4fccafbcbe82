# expect: wrong_answer matches_exhaustive_search
# Returns positions inside the chunk (0..chunk_size-1) instead of global corpus rows.
import torch
import torch.nn.functional as F


def top_k_cosine_search(queries, corpus, k, chunk_size):
    q = F.normalize(queries, dim=1)
    best_s = queries.new_empty(queries.shape[0], 0)
    best_i = torch.empty(queries.shape[0], 0, dtype=torch.long)
    for start in range(0, corpus.shape[0], chunk_size):
        block = F.normalize(corpus[start : start + chunk_size], dim=1)
        s = torch.cat([best_s, q @ block.T], dim=1)
        i = torch.cat([best_i, torch.arange(block.shape[0]).expand(q.shape[0], -1)], dim=1)
        order = torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k]
        best_s, best_i = s.gather(1, order), i.gather(1, order)
    return best_s, best_i
