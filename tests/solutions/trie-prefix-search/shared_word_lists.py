# expect: wrong_answer returned_list_is_a_new_list
# Keeps a sorted list of completions at every node and returns that list itself: a caller who changes the answer changes the trie.
from bisect import insort


class _Node:
    __slots__ = ("children", "is_word", "words")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.is_word = False
        self.words: list[str] = []  # every stored word below this node, sorted


class Trie:
    def __init__(self) -> None:
        self.root = _Node()

    def _find(self, prefix: str) -> _Node | None:
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word: str) -> None:
        found = self._find(word)
        if found is not None and found.is_word:
            return
        node = self.root
        insort(node.words, word)
        for ch in word:
            node = node.children.setdefault(ch, _Node())
            insort(node.words, word)
        node.is_word = True

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and bool(node.words)

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        return node.words if node is not None else []
