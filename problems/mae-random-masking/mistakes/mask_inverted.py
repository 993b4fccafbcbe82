# mistake: the mask had 1 for kept patches: MAE's mask is 0 for kept and 1 for removed
import torch


class MAEMasking:
    """MAE's random masking, decoder-input restore, and masked reconstruction loss."""

    def __init__(self, mask_ratio=0.75, norm_pix_loss=False, eps=1e-6):
        self.mask_ratio = mask_ratio
        self.norm_pix_loss = norm_pix_loss
        self.eps = eps

    def random_masking(self, x, noise):
        """Keep the lowest-noise patches of each sample; return (x_kept, mask, ids_restore)."""
        n, length, d = x.shape
        len_keep = int(length * (1 - self.mask_ratio))

        ids_shuffle = torch.argsort(noise, dim=1)  # ascending: small noise is kept
        ids_restore = torch.argsort(ids_shuffle, dim=1)  # the inverse permutation
        ids_keep = ids_shuffle[:, :len_keep]
        x_kept = torch.gather(x, 1, ids_keep.unsqueeze(-1).expand(n, len_keep, d))

        # 0 = kept, 1 = removed, built in shuffled order and then unshuffled to the patch order.
        mask = torch.zeros(n, length, dtype=x.dtype, device=x.device)
        mask[:, :len_keep] = 1
        mask = torch.gather(mask, 1, ids_restore)
        return x_kept, mask, ids_restore

    def restore(self, x_kept, mask_token, ids_restore):
        """Append mask tokens after the kept rows and unshuffle them back to the patch order."""
        n, k, e = x_kept.shape
        length = ids_restore.shape[1]
        tokens = mask_token.expand(n, length - k, e)
        shuffled = torch.cat([x_kept, tokens], dim=1)
        return torch.gather(shuffled, 1, ids_restore.unsqueeze(-1).expand(n, length, e))

    def loss(self, target, pred, mask):
        """Mean squared error per patch, averaged over the removed patches only."""
        if self.norm_pix_loss:
            mean = target.mean(dim=-1, keepdim=True)
            var = target.var(dim=-1, keepdim=True)  # unbiased, as the official code
            target = (target - mean) / (var + self.eps) ** 0.5
        per_patch = ((pred - target) ** 2).mean(dim=-1)
        return (per_patch * mask).sum() / mask.sum()
