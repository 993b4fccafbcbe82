# expect: passed
# Correct alternative: 26-slot child arrays, a count of words below each node, recursive listing.
class Node:
    __slots__ = ("below", "child", "end")

    def __init__(self):
        self.child = [None] * 26
        self.end = False
        self.below = 0  # distinct words in this subtree


class Trie:
    def __init__(self) -> None:
        self.root = Node()

    def _find(self, s):
        node = self.root
        for ch in s:
            node = node.child[ord(ch) - 97]
            if node is None:
                return None
        return node

    def insert(self, word: str) -> None:
        if self.search(word):
            return
        node = self.root
        node.below += 1
        for ch in word:
            i = ord(ch) - 97
            if node.child[i] is None:
                node.child[i] = Node()
            node = node.child[i]
            node.below += 1
        node.end = True

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.end

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and node.below > 0

    def words_with_prefix(self, prefix: str) -> list[str]:
        out = []

        def collect(node, letters):
            if node.end:
                out.append("".join(letters))
            for i, c in enumerate(node.child):
                if c is not None:
                    letters.append(chr(97 + i))
                    collect(c, letters)
                    letters.pop()

        node = self._find(prefix)
        if node is not None:
            collect(node, list(prefix))
        return out
