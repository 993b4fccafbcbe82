"""Hidden tests for edit-distance (pure Python)."""

from mlkata.judge.api import Rand, call, test

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(r, n, alphabet=LETTERS):
    return "".join(r.choice(alphabet) for _ in range(n))


@test
def classic_examples(ed):
    return [
        call(ed, "horse", "ros"),
        call(ed, "intention", "execution"),
        call(ed, "kitten", "sitting"),
    ]


@test
def empty_strings(ed):
    return [call(ed, "", ""), call(ed, "abc", ""), call(ed, "", "wxyz")]


@test
def identical_and_prefix_strings(ed):
    return [
        call(ed, "same", "same"),
        call(ed, "abc", "abcdef"),
        call(ed, "prefix", "pre"),
        call(ed, "tail", "entail"),
    ]


@test
def substitution_costs_one(ed):
    # One substitution, not a deletion plus an insertion (which would cost 2).
    return [call(ed, "a", "b"), call(ed, "cat", "cut"), call(ed, "abcd", "wxyz")]


@test
def transposition_costs_two(ed):
    # Levenshtein has no swap operation: "ab" -> "ba" takes two edits.
    return [call(ed, "ab", "ba"), call(ed, "abcd", "acbd"), call(ed, "converse", "conserve")]


@test
def random_short_strings_unequal_lengths(ed):
    r = Rand(6).py
    calls = []
    for _ in range(40):
        alphabet = LETTERS[: r.randint(2, 5)]
        calls.append(call(ed, word(r, r.randint(0, 10), alphabet), word(r, r.randint(0, 10), alphabet)))
    return calls


@test
def medium_strings_need_polynomial_time(ed):
    # 40 x 60: an exponential recursion cannot finish; only 100 levels deep.
    r = Rand(7).py
    return call(ed, word(r, 40, "abcd"), word(r, 60, "abcd"))


@test
def max_size_unequal_lengths(ed):
    # 400 x 650: a top-down memo would recurse 1050 levels deep.
    r = Rand(8).py
    return call(ed, word(r, 400, "abcdef"), word(r, 650, "abcdef"))


@test
def longest_strings_700_each(ed):
    # The upper bound of the stated range, 700 characters on both sides.
    r = Rand(9).py
    return call(ed, word(r, 700, "abcdefgh"), word(r, 700, "abcdefgh"))
