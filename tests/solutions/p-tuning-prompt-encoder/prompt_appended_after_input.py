# expect: wrong_answer virtual_tokens_go_through_the_mlp
# Puts the virtual tokens after the input embeddings instead of before them.
import torch
import torch.nn as nn


class PTuningEmbedding(nn.Module):
    def __init__(self, base_embedding, num_virtual_tokens, hidden_size):
        super().__init__()
        self.base = base_embedding
        for p in self.base.parameters():
            p.requires_grad = False
        d = base_embedding.embedding_dim
        self.n = num_virtual_tokens
        self.virtual_embedding = nn.Embedding(num_virtual_tokens, d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden_size), nn.ReLU(), nn.Linear(hidden_size, d))

    def forward(self, input_ids, attention_mask):
        B = input_ids.size(0)
        prompt = self.mlp(self.virtual_embedding.weight).unsqueeze(0).expand(B, -1, -1)
        embeds = torch.cat([self.base(input_ids), prompt], dim=1)
        mask = torch.cat([attention_mask, torch.ones(B, self.n, dtype=attention_mask.dtype)], dim=1)
        return embeds, mask
