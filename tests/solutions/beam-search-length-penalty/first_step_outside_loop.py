# expect: wrong_answer max_len_one_is_a_single_step
# Runs step 1 before the loop and finalises the live beams inside the loop over steps 2..max_len: with max_len=1 they are lost.
import torch


def _expand(step_fn, beams, bos_token_id, eos_token_id, beam_width, length, alpha, finished):
    prefixes = torch.tensor([[bos_token_id] + tokens for tokens, _ in beams], dtype=torch.long)
    log_probs = step_fn(prefixes).double()
    vocab = log_probs.shape[-1]
    sums = torch.tensor([s for _, s in beams], dtype=torch.float64)
    candidates = (sums[:, None] + log_probs).reshape(-1)
    order = torch.argsort(candidates, descending=True).tolist()
    live = []
    for rank, flat in enumerate(order):
        b, token = divmod(flat, vocab)
        tokens, score = beams[b][0] + [token], float(candidates[flat])
        if token == eos_token_id:
            if rank < beam_width:
                finished.append((tokens, score / length**alpha))
        else:
            live.append((tokens, score))
            if len(live) == beam_width:
                break
    return live


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    finished = []
    beams = _expand(step_fn, [([], 0.0)], bos_token_id, eos_token_id, beam_width, 1, alpha, finished)
    for length in range(2, max_len + 1):
        if len(finished) >= beam_width:
            break
        beams = _expand(step_fn, beams, bos_token_id, eos_token_id, beam_width, length, alpha, finished)
        if length == max_len:
            finished += [(tokens, score / max_len**alpha) for tokens, score in beams]
    finished.sort(key=lambda h: h[1], reverse=True)
    return finished[:beam_width]
