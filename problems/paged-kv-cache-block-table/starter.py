import heapq

import torch


class PagedKVCache:
    """A paged KV cache: a pool of fixed-size blocks and one block table per sequence.

    k_cache / v_cache: (num_blocks, block_size, num_heads, head_dim). Token p of a sequence lives
    in physical block table[p // block_size] at offset p % block_size. New blocks are taken
    lowest-numbered first, only when a token does not fit in the sequence's last block.
    """

    def __init__(self, num_blocks, block_size, num_heads, head_dim, dtype=torch.float32):
        raise NotImplementedError

    def allocate(self, seq_id):
        """Register an empty sequence (no blocks yet); ValueError if seq_id already exists."""
        raise NotImplementedError

    def append(self, seq_id, k, v):
        """Store n new tokens, k and v of shape (n, num_heads, head_dim); RuntimeError if out of blocks."""
        raise NotImplementedError

    def block_table(self, seq_id):
        """The sequence's physical block ids, in logical order (a list of ints)."""
        raise NotImplementedError

    def seq_len(self, seq_id):
        """The number of tokens stored for the sequence."""
        raise NotImplementedError

    def gather(self, seq_id):
        """(k, v), each (seq_len, num_heads, head_dim): the sequence's keys and values in token order."""
        raise NotImplementedError

    def free(self, seq_id):
        """Return the sequence's blocks to the pool and forget it; KeyError if unknown."""
        raise NotImplementedError

    def num_free_blocks(self):
        """How many blocks are free."""
        raise NotImplementedError
