# expect: passed
# Correct alternative: each chunk's own top-min(k, m) first, then a merge that sorts by
# index and then (stably) by score, so ties end in index order whatever topk returned.
import torch


def top_k_cosine_search(queries, corpus, k, chunk_size):
    q_norm = queries.norm(dim=-1, keepdim=True)
    q = torch.where(q_norm > 0, queries / q_norm, torch.zeros_like(queries))
    kept_s, kept_i = None, None
    for start in range(0, corpus.shape[0], chunk_size):
        block = corpus[start : start + chunk_size]
        c_norm = block.norm(dim=-1, keepdim=True)
        c = torch.where(c_norm > 0, block / c_norm, torch.zeros_like(block))
        s = torch.einsum("qd,nd->qn", q, c)
        top = torch.topk(s, min(k, s.shape[1]), dim=1)
        # Among equal scores topk may drop a lower index; widen to every value tied with the last kept one.
        threshold = top.values[:, -1:]
        keep = s >= threshold
        cand_s = torch.where(keep, s, torch.full_like(s, -float("inf")))
        idx = torch.arange(start, start + block.shape[0]).expand_as(s)
        if kept_s is not None:
            cand_s = torch.cat([kept_s, cand_s], dim=1)
            idx = torch.cat([kept_i, idx], dim=1)
        by_index = torch.argsort(idx, dim=1, stable=True)
        cand_s, idx = cand_s.gather(1, by_index), idx.gather(1, by_index)
        by_score = torch.argsort(cand_s, dim=1, descending=True, stable=True)[:, :k]
        kept_s, kept_i = cand_s.gather(1, by_score), idx.gather(1, by_score)
    return kept_s, kept_i
