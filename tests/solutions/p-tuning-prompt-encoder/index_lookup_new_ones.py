# expect: passed
# Correct alternative: encoder applied to an arange lookup per example, mask grown with new_ones, base frozen parameter by parameter.
import torch
import torch.nn as nn


class PTuningEmbedding(nn.Module):
    def __init__(self, base_embedding, num_virtual_tokens, hidden_size):
        super().__init__()
        dim = base_embedding.weight.shape[1]
        for p in base_embedding.parameters():
            p.requires_grad_(False)
        self.base = base_embedding
        self.virtual_embedding = nn.Embedding(num_virtual_tokens, dim)
        self.mlp = nn.Sequential()
        self.mlp.append(nn.Linear(dim, hidden_size))
        self.mlp.append(nn.ReLU())
        self.mlp.append(nn.Linear(hidden_size, dim))
        self.register_buffer("virtual_ids", torch.arange(num_virtual_tokens), persistent=False)

    def forward(self, input_ids, attention_mask):
        bsz = input_ids.shape[0]
        ids = self.virtual_ids.unsqueeze(0).repeat(bsz, 1)  # (B, n)
        prompt = self.mlp(self.virtual_embedding(ids))      # (B, n, d): same rows for every example
        embeds = torch.cat((prompt, self.base(input_ids)), dim=1)
        prefix_mask = attention_mask.new_ones(bsz, ids.shape[1])
        return embeds, torch.cat((prefix_mask, attention_mask), dim=1)
