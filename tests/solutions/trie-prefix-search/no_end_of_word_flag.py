# expect: wrong_answer search_matches_whole_words_only
# search only checks that the path exists, with no end-of-word flag: a prefix of a word is "found".
class Trie:
    def __init__(self) -> None:
        self.root = {}

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})

    def _walk(self, s):
        node = self.root
        for ch in s:
            if ch not in node:
                return None
            node = node[ch]
        return node

    def search(self, word: str) -> bool:
        return bool(word) and self._walk(word) is not None

    def starts_with(self, prefix: str) -> bool:
        node = self._walk(prefix)
        return node is not None and (prefix != "" or bool(node))

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self._walk(prefix)
        if node is None:
            return []
        out = []

        def dfs(n, text):
            if not n:
                out.append(text)
            for ch in sorted(n):
                dfs(n[ch], text + ch)

        dfs(node, prefix)
        return out
