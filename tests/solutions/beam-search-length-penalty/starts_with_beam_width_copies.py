# expect: wrong_answer hypotheses_are_distinct
# Starts from beam_width copies of [bos]: the first step's candidates are all duplicated.
import torch


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    beams = [([bos_token_id], 0.0)] * beam_width
    finished = []
    for t in range(1, max_len + 1):
        log_probs = step_fn(torch.tensor([seq for seq, _ in beams]))
        candidates = []
        for i, (seq, score) in enumerate(beams):
            for tok in range(log_probs.shape[1]):
                candidates.append((score + log_probs[i, tok].item(), seq + [tok]))
        candidates.sort(key=lambda c: c[0], reverse=True)
        beams = []
        for rank, (score, seq) in enumerate(candidates):
            if seq[-1] == eos_token_id:
                if rank < beam_width:
                    finished.append((seq[1:], score / t**alpha))
            else:
                beams.append((seq, score))
                if len(beams) == beam_width:
                    break
        if len(finished) >= beam_width:
            break
    else:
        finished += [(seq[1:], score / max_len**alpha) for seq, score in beams]
    finished.sort(key=lambda h: h[1], reverse=True)
    return finished[:beam_width]
