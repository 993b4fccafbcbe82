# expect: wrong_answer ties_broken_by_lower_index
# Merges with torch.topk, whose order among equal scores is unspecified: ties come out of index order.
import torch
import torch.nn.functional as F


def top_k_cosine_search(queries, corpus, k, chunk_size):
    q = F.normalize(queries, dim=1)
    best_s = queries.new_empty(queries.shape[0], 0)
    best_i = torch.empty(queries.shape[0], 0, dtype=torch.long)
    for start in range(0, corpus.shape[0], chunk_size):
        block = F.normalize(corpus[start : start + chunk_size], dim=1)
        s = torch.cat([best_s, q @ block.T], dim=1)
        i = torch.cat([best_i, torch.arange(start, start + block.shape[0]).expand(q.shape[0], -1)], dim=1)
        top = torch.topk(s, min(k, s.shape[1]), dim=1)
        best_s, best_i = top.values, i.gather(1, top.indices)
    return best_s, best_i
