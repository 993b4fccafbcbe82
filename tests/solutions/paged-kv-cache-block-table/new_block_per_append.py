# expect: wrong_answer tokens_fill_the_last_block_before_taking_a_new_one
# Every append started a new block, leaving the last block's free slots empty: fill the last block first, and take a new block only when a token does not fit.
import heapq

import torch


class PagedKVCache:
    def __init__(self, num_blocks, block_size, num_heads, head_dim, dtype=torch.float32):
        self.block_size = block_size
        self.k_cache = torch.zeros(num_blocks, block_size, num_heads, head_dim, dtype=dtype)
        self.v_cache = torch.zeros(num_blocks, block_size, num_heads, head_dim, dtype=dtype)
        self.free_blocks = list(range(num_blocks))  # a min-heap: the lowest-numbered free block first
        self.tables = {}  # seq_id -> physical block ids, in logical order
        self.lengths = {}  # seq_id -> tokens stored
        self.counts = {}  # seq_id -> (block, tokens in it)

    def allocate(self, seq_id):
        if seq_id in self.tables:
            raise ValueError(f"sequence {seq_id} already exists")
        self.tables[seq_id] = []
        self.lengths[seq_id] = 0
        self.counts[seq_id] = []

    def append(self, seq_id, k, v):
        table, length = self.tables[seq_id], self.lengths[seq_id]  # KeyError for an unknown sequence
        n = k.shape[0]
        needed = -(-n // self.block_size)  # a fresh run of blocks for every append
        if needed > len(self.free_blocks):
            raise RuntimeError(f"out of KV-cache blocks: need {needed}, {len(self.free_blocks)} free")
        for _ in range(needed):
            table.append(heapq.heappop(self.free_blocks))
        first = len(table) - needed
        for i in range(n):
            block, offset = table[first + i // self.block_size], i % self.block_size
            self.k_cache[block, offset] = k[i]
            self.v_cache[block, offset] = v[i]
        self.lengths[seq_id] = length + n
        for j in range(needed):
            self.counts[seq_id].append((table[first + j], min(self.block_size, n - j * self.block_size)))

    def block_table(self, seq_id):
        return list(self.tables[seq_id])

    def seq_len(self, seq_id):
        return self.lengths[seq_id]

    def gather(self, seq_id):
        table, length = self.tables[seq_id], self.lengths[seq_id]
        ks, vs = [], []
        for block, count in self.counts[seq_id]:
            ks.append(self.k_cache[block, :count])
            vs.append(self.v_cache[block, :count])
        if not ks:
            return self.k_cache[:0, 0], self.v_cache[:0, 0]
        return torch.cat(ks), torch.cat(vs)

    def free(self, seq_id):
        table = self.tables.pop(seq_id)  # KeyError for an unknown sequence
        del self.lengths[seq_id]
        for block in table:
            heapq.heappush(self.free_blocks, block)

    def num_free_blocks(self):
        return len(self.free_blocks)
