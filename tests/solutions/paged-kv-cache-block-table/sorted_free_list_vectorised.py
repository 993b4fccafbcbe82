# expect: passed
# Correct alternative: a sorted free list (bisect), vectorised slot indices for the writes and reads.
import bisect

import torch


class PagedKVCache:
    def __init__(self, num_blocks, block_size, num_heads, head_dim, dtype=torch.float32):
        shape = (num_blocks, block_size, num_heads, head_dim)
        self.k_cache = torch.zeros(shape, dtype=dtype)
        self.v_cache = torch.zeros(shape, dtype=dtype)
        self.bs = block_size
        self.free_list = list(range(num_blocks))  # kept sorted
        self.seqs = {}  # seq_id -> [block table, length]

    def allocate(self, seq_id):
        if seq_id in self.seqs:
            raise ValueError(f"sequence {seq_id} is already allocated")
        self.seqs[seq_id] = [[], 0]

    def _slots(self, blocks, start, stop):
        pos = torch.arange(start, stop)
        return torch.tensor(blocks, dtype=torch.long)[pos // self.bs], pos % self.bs

    def append(self, seq_id, k, v):
        if seq_id not in self.seqs:
            raise KeyError(seq_id)
        blocks, length = self.seqs[seq_id]
        total = length + k.shape[0]
        missing = (total + self.bs - 1) // self.bs - len(blocks)
        if missing > len(self.free_list):
            raise RuntimeError("not enough free blocks")
        taken, self.free_list = self.free_list[:missing], self.free_list[missing:]
        blocks.extend(taken)
        b, o = self._slots(blocks, length, total)
        self.k_cache[b, o] = k
        self.v_cache[b, o] = v
        self.seqs[seq_id][1] = total

    def block_table(self, seq_id):
        return list(self.seqs[seq_id][0])

    def seq_len(self, seq_id):
        return self.seqs[seq_id][1]

    def gather(self, seq_id):
        blocks, length = self.seqs[seq_id]
        b, o = self._slots(blocks, 0, length)
        return self.k_cache[b, o].clone(), self.v_cache[b, o].clone()

    def free(self, seq_id):
        blocks, _ = self.seqs.pop(seq_id)
        for block in blocks:
            bisect.insort(self.free_list, block)

    def num_free_blocks(self):
        return len(self.free_list)
