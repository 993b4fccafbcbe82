import torch
import torch.nn as nn


class PTuningEmbedding(nn.Module):
    """Frozen input embeddings with n encoded virtual tokens prepended (P-tuning)."""

    def __init__(self, base_embedding, num_virtual_tokens, hidden_size):
        super().__init__()
        self.base = base_embedding
        self.base.requires_grad_(False)  # the language model stays frozen
        d = base_embedding.embedding_dim
        self.num_virtual_tokens = num_virtual_tokens
        self.virtual_embedding = nn.Embedding(num_virtual_tokens, d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden_size), nn.ReLU(), nn.Linear(hidden_size, d))

    def forward(self, input_ids, attention_mask):
        b = input_ids.shape[0]
        n = self.num_virtual_tokens
        prompt = self.mlp(self.virtual_embedding.weight)  # (n, d), shared by the batch
        tokens = self.base(input_ids)  # (B, L, d)
        inputs_embeds = torch.cat([prompt.unsqueeze(0).expand(b, -1, -1), tokens], dim=1)
        # The virtual tokens are always visible: prepend n ones of the mask's own dtype.
        ones = torch.ones(b, n, dtype=attention_mask.dtype, device=attention_mask.device)
        return inputs_embeds, torch.cat([ones, attention_mask], dim=1)
