# expect: wrong_answer hypotheses_are_distinct
# Keeps plain top-k beams and only records eos-terminated ones as finished: finished hypotheses stay in the beam and get extended.
import torch


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    seqs = torch.full((1, 1), bos_token_id, dtype=torch.long)
    sums = torch.zeros(1)
    finished = []
    for t in range(1, max_len + 1):
        logp = step_fn(seqs)
        vocab = logp.shape[1]
        top, idx = torch.topk((sums[:, None] + logp).flatten(), beam_width)
        seqs = torch.cat([seqs[idx // vocab], (idx % vocab)[:, None]], dim=1)
        sums = top
        for row in range(beam_width):
            if seqs[row, -1] == eos_token_id:
                finished.append((seqs[row, 1:].tolist(), sums[row].item() / t**alpha))
        if len(finished) >= beam_width:
            break
    else:
        finished += [(s[1:].tolist(), v.item() / max_len**alpha) for s, v in zip(seqs, sums)]
    finished.sort(key=lambda h: h[1], reverse=True)
    return finished[:beam_width]
