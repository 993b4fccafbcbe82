# expect: forbidden_api search_matches_whole_words_only
# Wraps pygtrie.CharTrie, a ready-made trie; the problem is standard library only.
import pygtrie


class Trie:
    def __init__(self) -> None:
        self.t = pygtrie.CharTrie()

    def insert(self, word: str) -> None:
        self.t[word] = True

    def search(self, word: str) -> bool:
        return word != "" and word in self.t

    def starts_with(self, prefix: str) -> bool:
        return bool(self.t.has_subtrie(prefix) or prefix in self.t) if prefix else len(self.t) > 0

    def words_with_prefix(self, prefix: str) -> list[str]:
        try:
            return sorted(self.t.keys(prefix=prefix))
        except KeyError:
            return []
