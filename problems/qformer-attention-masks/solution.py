import torch


def qformer_attention_masks(num_queries, text_mask):
    """Return (itc, itm, itg) over [queries; text], True = may attend; padded text is never a key."""
    text_mask = text_mask.bool()  # also reads an int64 0/1 mask
    b, t = text_mask.shape
    n = num_queries + t
    device = text_mask.device
    pos = torch.arange(n, device=device)
    is_query = pos < num_queries  # (n,)

    real = torch.cat([torch.ones(b, num_queries, dtype=torch.bool, device=device), text_mask], dim=1)
    keys = real[:, None, :]  # (B, 1, n): a padded token is blocked as a key, in every row

    everyone = torch.ones(n, n, dtype=torch.bool, device=device)
    same_modality = is_query[:, None] == is_query[None, :]  # (n, n)
    causal = pos[None, :] <= pos[:, None]  # key j <= row i; for a text row it covers every query
    # ITG: query rows see the queries only; text rows are causal over the whole sequence.
    multimodal_causal = torch.where(is_query[:, None], is_query[None, :], causal)

    itc = same_modality & keys
    itm = everyone & keys
    itg = multimodal_causal & keys
    return itc, itm, itg
