# expect: wrong_answer virtual_tokens_go_through_the_mlp
# Adds a residual connection (P + MLP(P)) that the task's encoder does not have.
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
        table = self.virtual_embedding.weight
        prompt = (table + self.mlp(table)).unsqueeze(0).expand(B, -1, -1)
        embeds = torch.cat([prompt, self.base(input_ids)], dim=1)
        mask = torch.cat([torch.ones(B, self.n, dtype=attention_mask.dtype), attention_mask], dim=1)
        return embeds, mask
