# expect: wrong_answer eos_ranked_exactly_beam_width_is_dropped
# Lets an eos candidate finish when its rank is <= beam_width: one rank too many.
import torch


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    """Beam search with the length penalty score = sum_logprob / length ** alpha.

    Returns the beam_width best hypotheses as (tokens, score), best first.
    """
    beams = [([], 0.0)]  # (tokens after bos, summed log-prob); one beam at the start
    finished = []
    for length in range(1, max_len + 1):
        prefixes = torch.tensor([[bos_token_id] + tokens for tokens, _ in beams], dtype=torch.long)
        log_probs = step_fn(prefixes)  # (N, V)
        vocab = log_probs.shape[-1]
        sums = torch.tensor([s for _, s in beams], dtype=torch.float64)
        candidates = (sums[:, None] + log_probs.double()).reshape(-1)  # beam-major: index = b * V + v
        order = torch.sort(candidates, descending=True, stable=True).indices.tolist()
        next_beams = []
        for rank, flat in enumerate(order):
            b, token = divmod(flat, vocab)
            tokens, score = beams[b][0] + [token], float(candidates[flat])
            if token == eos_token_id:
                if rank <= beam_width:  # only an eos among the top beam_width candidates finishes
                    finished.append((tokens, score / length**alpha))
            else:
                next_beams.append((tokens, score))
                if len(next_beams) == beam_width:
                    break
        beams = next_beams
        if len(finished) >= beam_width:
            break
    else:  # max_len reached: the live beams are hypotheses too
        finished += [(tokens, score / max_len**alpha) for tokens, score in beams]
    finished.sort(key=lambda h: h[1], reverse=True)  # stable: earlier hypotheses first on ties
    return finished[:beam_width]
