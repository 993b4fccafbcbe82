# expect: runtime_error widest_beam_width_is_vocab_minus_one
# Takes the top 2 * beam_width candidates without clamping to their number: at step 1 there are only V of them.
import torch


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    seqs = torch.full((1, 1), bos_token_id, dtype=torch.long)
    sums = torch.zeros(1, dtype=torch.float64)
    done = []
    step = 0
    while step < max_len:
        step += 1
        logp = step_fn(seqs).double()
        vocab = logp.shape[1]
        flat = (sums[:, None] + logp).flatten()
        k = 2 * beam_width
        top_scores, top_idx = torch.topk(flat, k)  # k >= beam_width non-eos candidates exist among these
        parents, tokens = top_idx // vocab, top_idx % vocab
        keep = []
        for rank in range(k):
            if tokens[rank].item() == eos_token_id:
                if rank < beam_width:
                    seq = seqs[parents[rank], 1:].tolist() + [eos_token_id]
                    done.append({"tokens": seq, "score": top_scores[rank].item() / step**alpha})
            elif len(keep) < beam_width:
                keep.append(rank)
        keep = torch.tensor(keep)
        seqs = torch.cat([seqs[parents[keep]], tokens[keep][:, None]], dim=1)
        sums = top_scores[keep]
        if len(done) >= beam_width:
            break
    else:
        for row in range(seqs.shape[0]):
            done.append({"tokens": seqs[row, 1:].tolist(), "score": sums[row].item() / max_len**alpha})
    done.sort(key=lambda h: -h["score"])
    return [(h["tokens"], h["score"]) for h in done[:beam_width]]
