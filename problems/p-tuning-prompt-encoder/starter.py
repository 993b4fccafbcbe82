import torch
import torch.nn as nn


class PTuningEmbedding(nn.Module):
    """Frozen input embeddings with n encoded virtual tokens prepended (P-tuning)."""

    def __init__(self, base_embedding, num_virtual_tokens, hidden_size):
        """self.base = base_embedding (frozen in place);
        self.virtual_embedding = nn.Embedding(num_virtual_tokens, d);
        self.mlp = nn.Sequential(nn.Linear(d, hidden_size), nn.ReLU(), nn.Linear(hidden_size, d))."""
        super().__init__()
        raise NotImplementedError

    def forward(self, input_ids, attention_mask):
        """input_ids: (B, L) int64; attention_mask: (B, L) int64 or bool.
        Returns (inputs_embeds (B, n + L, d), attention_mask (B, n + L), same dtype as given)."""
        raise NotImplementedError
