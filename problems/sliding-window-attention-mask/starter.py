import math

import torch


def sliding_window_attention(q, k, v, window):
    """Causal sliding-window attention. Returns (out, mask).

    q: (..., Lq, D), k: (..., Lk, D), v: (..., Lk, Dv), with Lq <= Lk. Query i sits at absolute
    position p = Lk - Lq + i (the queries are the LAST Lq positions) and may attend to key j iff
    p - window < j <= p: exactly `window` keys counting itself (fewer near the start).

    mask: bool (Lq, Lk), True = may attend. out: (..., Lq, Dv) = softmax(q k^T / sqrt(D), masked) v.
    Raise ValueError if window < 1.
    """
    raise NotImplementedError
