# expect: passed
# Correct alternative: a sort with values, scatter for the mask and for restore, advanced indexing for the kept patches.
import torch


class MAEMasking:
    def __init__(self, mask_ratio=0.75, norm_pix_loss=False, eps=1e-6):
        self.mask_ratio = mask_ratio
        self.norm_pix_loss = norm_pix_loss
        self.eps = eps

    def random_masking(self, x, noise):
        n, length, _ = x.shape
        keep = int(length * (1 - self.mask_ratio))
        order = noise.sort(dim=1).indices
        rows = torch.arange(n).unsqueeze(1)
        ids_restore = torch.empty_like(order)
        ids_restore[rows, order] = torch.arange(length).expand(n, length)
        x_kept = x[rows, order[:, :keep]]
        mask = torch.ones(n, length, dtype=x.dtype).scatter(1, order[:, :keep], 0.0)
        return x_kept, mask, ids_restore

    def restore(self, x_kept, mask_token, ids_restore):
        n, k, e = x_kept.shape
        length = ids_restore.shape[1]
        out = mask_token.to(x_kept.dtype).expand(n, length, e)
        rows = torch.arange(n).unsqueeze(1)
        kept_positions = ids_restore.argsort(dim=1)[:, :k]  # ids_shuffle's first k entries
        return out.index_put((rows.expand(n, k), kept_positions), x_kept)

    def loss(self, target, pred, mask):
        t = target
        if self.norm_pix_loss:
            p = t.shape[-1]
            centred = t - t.mean(-1, keepdim=True)
            t = centred / torch.sqrt(centred.pow(2).sum(-1, keepdim=True) / (p - 1) + self.eps)
        err = (pred - t).pow(2).mean(-1)
        removed = mask.bool()
        return err[removed].mean()
