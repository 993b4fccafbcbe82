# expect: runtime_error k_larger_than_chunk_size
# Takes topk(k) of every chunk before merging: fails when a chunk has fewer than k rows.
import torch
import torch.nn.functional as F


def top_k_cosine_search(queries, corpus, k, chunk_size):
    q = F.normalize(queries, dim=1)
    all_s, all_i = [], []
    for start in range(0, corpus.shape[0], chunk_size):
        s = q @ F.normalize(corpus[start : start + chunk_size], dim=1).T
        top = torch.topk(s, k, dim=1)
        all_s.append(top.values)
        all_i.append(top.indices + start)
    s, i = torch.cat(all_s, dim=1), torch.cat(all_i, dim=1)
    order = torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k]
    return s.gather(1, order), i.gather(1, order)
