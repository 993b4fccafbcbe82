# expect: wrong_answer parameters_and_frozen_base
# Stores the base embedding but never freezes it: the whole vocabulary table trains.
import torch
import torch.nn as nn


class PTuningEmbedding(nn.Module):
    def __init__(self, base_embedding, num_virtual_tokens, hidden_size):
        super().__init__()
        self.base = base_embedding
        d = base_embedding.embedding_dim
        self.n = num_virtual_tokens
        self.virtual_embedding = nn.Embedding(num_virtual_tokens, d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden_size), nn.ReLU(), nn.Linear(hidden_size, d))

    def forward(self, input_ids, attention_mask):
        B = input_ids.size(0)
        prompt = self.mlp(self.virtual_embedding.weight).unsqueeze(0).expand(B, -1, -1)
        embeds = torch.cat([prompt, self.base(input_ids)], dim=1)
        mask = torch.cat([torch.ones(B, self.n, dtype=attention_mask.dtype), attention_mask], dim=1)
        return embeds, mask
