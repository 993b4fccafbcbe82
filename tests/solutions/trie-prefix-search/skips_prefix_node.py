# expect: wrong_answer prefix_itself_is_included
# Collects completions starting from the prefix node's children, so the prefix itself is never listed.
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
        node = self._find(prefix)
        return node is not None and (node.end or bool(node.children))

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        if node is None:
            return []
        result = []

        def dfs(n, path):
            for ch in sorted(n.children):
                child = n.children[ch]
                if child.end:
                    result.append(path + ch)
                dfs(child, path + ch)

        dfs(node, prefix)
        return result
