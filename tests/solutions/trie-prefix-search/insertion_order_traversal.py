# expect: wrong_answer words_with_prefix_sorted
# The DFS visits children in dict (insertion) order and never sorts: completions come out unsorted.
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
            if ch not in node.children:
                node.children[ch] = Node()
            node = node.children[ch]
        node.end = True

    def _find(self, s):
        node = self.root
        for ch in s:
            if ch not in node.children:
                return None
            node = node.children[ch]
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.end

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and (node.end or len(node.children) > 0)

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._find(prefix)
        result = []

        def dfs(n, path):
            if n.end:
                result.append(path)
            for ch, child in n.children.items():
                dfs(child, path + ch)

        if node is not None:
            dfs(node, prefix)
        return result
