# expect: wrong_answer zero_corpus_row_scores_zero
# Divides by the product of the norms with no guard: a zero row gives 0 / 0 = NaN.
import torch


def top_k_cosine_search(queries, corpus, k, chunk_size):
    qn = queries.norm(dim=1, keepdim=True)
    best_s = queries.new_empty(queries.shape[0], 0)
    best_i = torch.empty(queries.shape[0], 0, dtype=torch.long)
    for start in range(0, corpus.shape[0], chunk_size):
        block = corpus[start : start + chunk_size]
        s = (queries @ block.T) / (qn * block.norm(dim=1)[None, :])
        s = torch.cat([best_s, s], dim=1)
        i = torch.cat([best_i, torch.arange(start, start + block.shape[0]).expand(queries.shape[0], -1)], dim=1)
        order = torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k]
        best_s, best_i = s.gather(1, order), i.gather(1, order)
    return best_s, best_i
