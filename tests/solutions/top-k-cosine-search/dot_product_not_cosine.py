# expect: wrong_answer matches_exhaustive_search
# Ranks by the raw dot product: forgets to normalise, so long corpus rows win.
import torch


def top_k_cosine_search(queries, corpus, k, chunk_size):
    best_s = queries.new_empty(queries.shape[0], 0)
    best_i = torch.empty(queries.shape[0], 0, dtype=torch.long)
    for start in range(0, corpus.shape[0], chunk_size):
        block = corpus[start : start + chunk_size]
        s = torch.cat([best_s, queries @ block.T], dim=1)
        i = torch.cat([best_i, torch.arange(start, start + block.shape[0]).expand(queries.shape[0], -1)], dim=1)
        order = torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k]
        best_s, best_i = s.gather(1, order), i.gather(1, order)
    return best_s, best_i
