# expect: time_limit large_within_time_limit
# Not a trie: a set of words, and every prefix query scans all of them (O(number of words) per query).
class Trie:
    def __init__(self) -> None:
        self.words = set()

    def insert(self, word: str) -> None:
        self.words.add(word)

    def search(self, word: str) -> bool:
        return word in self.words

    def starts_with(self, prefix: str) -> bool:
        return any(w.startswith(prefix) for w in self.words)

    def words_with_prefix(self, prefix: str) -> list[str]:
        return sorted(w for w in self.words if w.startswith(prefix))
