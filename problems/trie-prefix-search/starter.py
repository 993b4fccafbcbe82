class Trie:
    """A prefix tree over lowercase words (a set: inserting a word twice stores it once).

    search(word): exactly this word was inserted. starts_with(prefix): some stored word starts
    with prefix (False on an empty trie, even for ""). words_with_prefix(prefix): the distinct
    stored words starting with prefix (prefix itself included), sorted ascending.
    """

    def __init__(self) -> None:
        raise NotImplementedError

    def insert(self, word: str) -> None:
        raise NotImplementedError

    def search(self, word: str) -> bool:
        raise NotImplementedError

    def starts_with(self, prefix: str) -> bool:
        raise NotImplementedError

    def words_with_prefix(self, prefix: str) -> list[str]:
        raise NotImplementedError
