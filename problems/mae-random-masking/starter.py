import torch


class MAEMasking:
    """MAE's random masking, decoder-input restore, and masked reconstruction loss."""

    def __init__(self, mask_ratio=0.75, norm_pix_loss=False, eps=1e-6):
        self.mask_ratio = mask_ratio
        self.norm_pix_loss = norm_pix_loss
        self.eps = eps

    def random_masking(self, x, noise):
        """x: (N, L, D), noise: (N, L). Keep the int(L * (1 - mask_ratio)) lowest-noise patches per row.

        Returns (x_kept (N, len_keep, D) in increasing-noise order, mask (N, L) 1 = removed, ids_restore (N, L) int64).
        """
        raise NotImplementedError

    def restore(self, x_kept, mask_token, ids_restore):
        """x_kept: (N, K, E), mask_token: (E,). Append L - K mask tokens and unshuffle to (N, L, E)."""
        raise NotImplementedError

    def loss(self, target, pred, mask):
        """target, pred: (N, L, P), mask: (N, L). Mean per-patch MSE over the removed patches (0-dim)."""
        raise NotImplementedError
