# expect: wrong_answer chunk_size_does_not_divide_corpus
# Loops over N // chunk_size full chunks only: the rows of a shorter last chunk are never scored.
import torch
import torch.nn.functional as F


def top_k_cosine_search(queries, corpus, k, chunk_size):
    q = F.normalize(queries, dim=1)
    best_s = queries.new_empty(queries.shape[0], 0)
    best_i = torch.empty(queries.shape[0], 0, dtype=torch.long)
    for c in range(max(1, corpus.shape[0] // chunk_size)):
        start = c * chunk_size
        block = F.normalize(corpus[start : start + chunk_size], dim=1)
        s = torch.cat([best_s, q @ block.T], dim=1)
        i = torch.cat([best_i, torch.arange(start, start + block.shape[0]).expand(q.shape[0], -1)], dim=1)
        order = torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k]
        best_s, best_i = s.gather(1, order), i.gather(1, order)
    return best_s, best_i
