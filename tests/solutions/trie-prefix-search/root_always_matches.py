# expect: wrong_answer empty_trie_and_empty_prefix
# starts_with only checks that the walk succeeds: the root always exists, so "" matches an empty trie.
class Node:
    def __init__(self):
        self.children = {}
        self.end = False


class Trie:
    def __init__(self) -> None:
        self.root = Node()

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, Node())
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
        return self._find(prefix) is not None

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        if node is None:
            return []
        result = []

        def dfs(n, path):
            if n.end:
                result.append(path)
            for ch in sorted(n.children):
                dfs(n.children[ch], path + ch)

        dfs(node, prefix)
        return result
