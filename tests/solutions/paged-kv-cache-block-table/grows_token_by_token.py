# expect: wrong_answer running_out_of_blocks_raises_and_changes_nothing
# Takes blocks and writes tokens one by one, so running out half-way leaves a partial append behind instead of changing nothing.
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
        for i in range(n):
            pos = length + i
            if pos // self.block_size == len(table):  # take a block when the token needs one
                if not self.free_blocks:
                    raise RuntimeError("out of KV-cache blocks")
                table.append(heapq.heappop(self.free_blocks))
            self.lengths[seq_id] = pos + 1
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
