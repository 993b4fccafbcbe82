# expect: wrong_answer duplicate_inserts_listed_once
# Each node keeps a list of the words passing through it, appended on every insert: a word inserted twice is listed twice.
class Node:
    def __init__(self):
        self.children = {}
        self.words = []
        self.end = False


class Trie:
    def __init__(self) -> None:
        self.root = Node()

    def insert(self, word: str) -> None:
        node = self.root
        node.words.append(word)
        for ch in word:
            node = node.children.setdefault(ch, Node())
            node.words.append(word)
        node.end = True

    def _find(self, s):
        node = self.root
        for ch in s:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.end

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and len(node.words) > 0

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        return sorted(node.words) if node is not None else []
