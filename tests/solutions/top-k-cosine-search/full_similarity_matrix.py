# expect: wrong_answer never_materialises_full_similarity_matrix
# Right answers, but ignores chunk_size and scores the whole corpus in one (Q, N) matrix.
import torch
import torch.nn.functional as F


def top_k_cosine_search(queries, corpus, k, chunk_size):
    scores = F.normalize(queries, dim=1) @ F.normalize(corpus, dim=1).T
    order = torch.sort(scores, dim=1, descending=True, stable=True).indices[:, :k]
    return scores.gather(1, order), order
