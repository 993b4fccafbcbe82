# mistake: a new block was taken as soon as the last one became exactly full: take it only when the next token arrives and does not fit
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

    def allocate(self, seq_id):
        if seq_id in self.tables:
            raise ValueError(f"sequence {seq_id} already exists")
        self.tables[seq_id] = []
        self.lengths[seq_id] = 0

    def append(self, seq_id, k, v):
        table, length = self.tables[seq_id], self.lengths[seq_id]  # KeyError for an unknown sequence
        n = k.shape[0]
        needed = (length + n) // self.block_size + 1 - len(table)  # always keep a free slot ready
        if needed > len(self.free_blocks):
            raise RuntimeError(f"out of KV-cache blocks: need {needed}, {len(self.free_blocks)} free")
        for _ in range(needed):
            table.append(heapq.heappop(self.free_blocks))
        for i in range(n):
            pos = length + i
            block, offset = table[pos // self.block_size], pos % self.block_size
            self.k_cache[block, offset] = k[i]
            self.v_cache[block, offset] = v[i]
        self.lengths[seq_id] = length + n

    def block_table(self, seq_id):
        return list(self.tables[seq_id])

    def seq_len(self, seq_id):
        return self.lengths[seq_id]

    def gather(self, seq_id):
        table, length = self.tables[seq_id], self.lengths[seq_id]
        positions = torch.arange(length)
        blocks = torch.tensor(table, dtype=torch.long)[positions // self.block_size]
        offsets = positions % self.block_size
        return self.k_cache[blocks, offsets], self.v_cache[blocks, offsets]

    def free(self, seq_id):
        table = self.tables.pop(seq_id)  # KeyError for an unknown sequence
        del self.lengths[seq_id]
        for block in table:
            heapq.heappush(self.free_blocks, block)

    def num_free_blocks(self):
        return len(self.free_blocks)
