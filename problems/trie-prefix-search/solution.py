class _Node:
    __slots__ = ("children", "is_word")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.is_word = False


class Trie:
    """Nested nodes, one per prefix; `is_word` marks the prefixes that were inserted."""

    def __init__(self) -> None:
        self.root = _Node()

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, _Node())
        node.is_word = True  # a flag, not a count: inserting twice stores the word once

    def _find(self, prefix: str) -> _Node | None:
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        # Every node except the root lies on a stored word's path, so it has a word below it;
        # the root has one only once something was inserted.
        return node is not None and (node.is_word or bool(node.children))

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        out: list[str] = []
        if node is None:
            return out
        # Pre-order DFS with children in sorted order: a word comes before its extensions,
        # and "a..." before "b...", which is exactly ascending string order.
        stack = [(node, prefix)]
        while stack:
            cur, text = stack.pop()
            if cur.is_word:
                out.append(text)
            for ch in sorted(cur.children, reverse=True):  # reversed: the stack pops "a" first
                stack.append((cur.children[ch], text + ch))
        return out
