# expect: wrong_answer alpha_defaults_to_zero
# Takes ALBEF's training config value alpha=0.4 as the default instead of the contract's 0.0.
import torch
import torch.nn.functional as F
from torch import nn


class ITCMomentumQueue(nn.Module):
    """Image-text contrastive loss against a FIFO queue of momentum features (ALBEF / BLIP)."""

    def __init__(self, dim, queue_size, temperature):
        super().__init__()
        self.queue_size = queue_size
        self.temperature = temperature
        self.register_buffer("image_queue", F.normalize(torch.randn(queue_size, dim), dim=1))
        self.register_buffer("text_queue", F.normalize(torch.randn(queue_size, dim), dim=1))
        self.register_buffer("queue_ptr", torch.zeros(1, dtype=torch.long))

    def forward(self, image_feat, text_feat, image_feat_m, text_feat_m, alpha=0.4):
        n = image_feat.shape[0]
        with torch.no_grad():
            # Candidates: this batch's momentum features first, then the queue (N + K rows).
            text_all = torch.cat([text_feat_m, self.text_queue], dim=0).detach()
            image_all = torch.cat([image_feat_m, self.image_queue], dim=0).detach()
            one_hot = torch.zeros(n, n + self.queue_size, dtype=image_feat.dtype, device=image_feat.device)
            one_hot[:, :n] = torch.eye(n, dtype=image_feat.dtype, device=image_feat.device)
            targets_i2t = alpha * F.softmax(image_feat_m @ text_all.T / self.temperature, dim=1) + (1 - alpha) * one_hot
            targets_t2i = alpha * F.softmax(text_feat_m @ image_all.T / self.temperature, dim=1) + (1 - alpha) * one_hot

        sim_i2t = image_feat @ text_all.T / self.temperature  # (N, N + K)
        sim_t2i = text_feat @ image_all.T / self.temperature
        loss_i2t = -(F.log_softmax(sim_i2t, dim=1) * targets_i2t).sum(dim=1).mean()
        loss_t2i = -(F.log_softmax(sim_t2i, dim=1) * targets_t2i).sum(dim=1).mean()
        loss = (loss_i2t + loss_t2i) / 2

        self._dequeue_and_enqueue(image_feat_m, text_feat_m)
        return loss

    @torch.no_grad()
    def _dequeue_and_enqueue(self, image_feat_m, text_feat_m):
        n = image_feat_m.shape[0]
        ptr = int(self.queue_ptr)
        slots = (ptr + torch.arange(n, device=self.image_queue.device)) % self.queue_size  # wraps around
        self.image_queue[slots] = image_feat_m.detach()
        self.text_queue[slots] = text_feat_m.detach()
        self.queue_ptr[0] = (ptr + n) % self.queue_size
