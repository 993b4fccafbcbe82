import torch


def rotate_half(x):
    """(x1, x2) -> (-x2, x1) on the two halves of the last dimension."""
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([-x2, x1], dim=-1)


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    """Rotate q and k with rotary position embeddings (LLaMA / Qwen 'rotate-half' layout)."""
    d = q.shape[-1]
    if d % 2 != 0 or k.shape[-1] != d:
        raise ValueError(f"the head dimension must be even and shared by q and k, got {d} and {k.shape[-1]}")
    length = q.shape[-2]
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float32) / d)  # (D/2,)
    positions = torch.arange(offset, offset + length, dtype=torch.float32)  # (L,)
    freqs = torch.outer(positions, inv_freq)  # (L, D/2)
    emb = torch.cat([freqs, freqs], dim=-1)  # (L, D): pair (j, j + D/2) shares frequency j
    cos, sin = emb.cos().to(q.dtype), emb.sin().to(q.dtype)  # broadcast over (B, H)
    q_rot = q * cos + rotate_half(q) * sin
    k_rot = k * cos + rotate_half(k) * sin
    return q_rot, k_rot
