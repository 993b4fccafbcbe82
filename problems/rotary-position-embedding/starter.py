import torch


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    """Rotate q and k with rotary position embeddings (LLaMA / Qwen 'rotate-half' layout).

    q: (B, H, L, D), k: (B, H_kv, L, D), D even. Token t (0-based along dim -2) is at position
    offset + t. With half = D // 2, inv_freq[j] = 1 / base ** (2j / D), theta = position * inv_freq[j]:
        out[..., j]        = x[..., j] * cos(theta) - x[..., j + half] * sin(theta)
        out[..., j + half] = x[..., j + half] * cos(theta) + x[..., j] * sin(theta)
    Returns (q_rotated, k_rotated), same shapes and dtype. Raise ValueError if D is odd.
    """
    raise NotImplementedError
