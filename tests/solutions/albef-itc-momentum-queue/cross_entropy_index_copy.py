# expect: passed
# Correct alternative: F.cross_entropy with probability targets, index_copy_ for the FIFO write, an int pointer.
import torch
import torch.nn.functional as F
from torch import nn


class ITCMomentumQueue(nn.Module):
    def __init__(self, dim, queue_size, temperature):
        super().__init__()
        self.k = queue_size
        self.temperature = temperature
        self.register_buffer("image_queue", torch.zeros(queue_size, dim))
        self.register_buffer("text_queue", torch.zeros(queue_size, dim))
        self.queue_ptr = 0

    def _direction(self, query, query_m, positives_m, queue, alpha):
        candidates = torch.cat([positives_m.detach(), queue])
        logits = query @ candidates.T / self.temperature
        n = query.shape[0]
        hard = F.one_hot(torch.arange(n), candidates.shape[0]).to(logits.dtype)
        with torch.no_grad():
            soft = torch.softmax(query_m @ candidates.T / self.temperature, dim=-1)
        targets = (alpha * soft + (1 - alpha) * hard).detach()
        return F.cross_entropy(logits, targets)

    def forward(self, image_feat, text_feat, image_feat_m, text_feat_m, alpha=0.0):
        loss = 0.5 * (
            self._direction(image_feat, image_feat_m, text_feat_m, self.text_queue, alpha)
            + self._direction(text_feat, text_feat_m, image_feat_m, self.image_queue, alpha)
        )
        n = image_feat_m.shape[0]
        rows = torch.remainder(torch.arange(self.queue_ptr, self.queue_ptr + n), self.k)
        with torch.no_grad():
            self.image_queue.index_copy_(0, rows, image_feat_m.detach())
            self.text_queue.index_copy_(0, rows, text_feat_m.detach())
        self.queue_ptr = (self.queue_ptr + n) % self.k
        return loss
