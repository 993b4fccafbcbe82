from __future__ import annotations


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None):
        self.val = val
        self.left = left
        self.right = right


class Codec:
    """Encodes a binary tree as a string and rebuilds it; the string carries everything."""

    def serialize(self, root: TreeNode | None) -> str:
        """A string from which deserialize (of any Codec) rebuilds the tree. Do not modify it."""
        raise NotImplementedError

    def deserialize(self, data: str) -> TreeNode | None:
        """A tree of new nodes with the shape and values encoded in data (None if empty)."""
        raise NotImplementedError
