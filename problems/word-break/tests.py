"""Hidden tests for word-break."""

from mlkata.judge.api import Rand, call, test

RUN_OF_A = ["a" * k for k in range(1, 11)]  # "a", "aa", ..., "aaaaaaaaaa"


def words(r, count, alphabet, longest):
    """count distinct random words over alphabet, 1 to longest letters each (fewer if too few exist)."""
    found = set()
    for _ in range(20 * count):
        if len(found) == count:
            break
        found.add("".join(r.choice(alphabet) for _ in range(r.randint(1, longest))))
    return sorted(found)


@test
def classic_examples(word_break):
    return [
        call(word_break, "leetcode", ["leet", "code"]),
        call(word_break, "pineapplepen", ["apple", "pen", "pine", "pineapple"]),
        call(word_break, "catsandog", ["cats", "dog", "sand", "and", "cat"]),
        call(word_break, "catsanddog", ["cats", "dog", "sand", "and", "cat"]),
    ]


@test
def words_can_be_reused(word_break):
    return [
        call(word_break, "aaaa", ["a"]),
        call(word_break, "abab", ["ab"]),
        call(word_break, "applepenapple", ["apple", "pen"]),
        call(word_break, "penpenapplepen", ["apple", "pen"]),
    ]


@test
def greedy_longest_match_fails(word_break):
    # The longest word that fits first leaves a remainder no word matches.
    return [
        call(word_break, "cars", ["car", "ca", "rs"]),
        call(word_break, "abcd", ["abc", "ab", "cd"]),
        call(word_break, "aaaab", ["aaab", "aaa", "ab"]),
    ]


@test
def greedy_shortest_match_fails(word_break):
    # The shortest word that fits first leaves a remainder no word matches.
    return [
        call(word_break, "abcd", ["ab", "abc", "d"]),
        call(word_break, "catsdog", ["cat", "cats", "dog"]),
        call(word_break, "aaab", ["a", "aab", "ab"]),
    ]


@test
def whole_string_must_be_covered(word_break):
    # A segmented prefix, or every letter appearing in some word, is not enough.
    return [
        call(word_break, "ab", ["a"]),
        call(word_break, "abcd", ["a", "bc"]),
        call(word_break, "xab", ["ab"]),
        call(word_break, "xabc", ["ab", "c"]),
        call(word_break, "abba", ["ab", "ba", "b"]),
        call(word_break, "abba", ["ab", "a"]),
    ]


@test
def single_letter_and_long_words(word_break):
    # len(s) = 1, the smallest input, and words longer than s that can never fit.
    return [
        call(word_break, "a", ["a"]),
        call(word_break, "a", ["b"]),
        call(word_break, "a", ["aa"]),
        call(word_break, "ab", ["abc"]),
        call(word_break, "ab", ["abc", "a", "b"]),
    ]


@test
def random_small_cases(word_break):
    r = Rand(7).py
    calls = []
    for _ in range(60):
        alphabet = "ab" if r.random() < 0.7 else "abc"
        s = "".join(r.choice(alphabet) for _ in range(r.randint(1, 14)))
        calls.append(call(word_break, s, words(r, r.randint(1, 5), alphabet, 4)))
    return calls


@test
def backtracking_needs_memoisation(word_break):
    # "aaa...ab": every split of the a's is tried before failing at the b without a memo.
    return [
        call(word_break, "a" * 60 + "b", RUN_OF_A),
        call(word_break, "a" * 299 + "b", ["a" * k for k in range(1, 21)]),
        call(word_break, "b" + "a" * 299, RUN_OF_A),
    ]


@test
def max_size_inputs(word_break):
    # len(s) = 300 and 1000 words of up to 20 letters: one string built from the words, one not.
    r = Rand(9).py
    vocab = words(r, 1000, "abcdefghij", 20)
    pieces, length = [], 0
    while length < 290:  # 290 to 300 letters, each piece a dictionary word
        piece = r.choice(vocab)
        if length + len(piece) <= 300:
            pieces.append(piece)
            length += len(piece)
    built = "".join(pieces)
    return [
        call(word_break, built, vocab),
        call(word_break, built + "z", vocab),
        call(word_break, "a" * 280 + "b" * 20, ["a", "aa", "aaa"] + ["b" * k for k in range(2, 21, 2)]),
    ]
