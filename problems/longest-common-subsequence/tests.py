"""Hidden tests for longest-common-subsequence."""

from mlkata.judge.api import Rand, call, test

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(r, n, alphabet=LETTERS):
    return "".join(r.choice(alphabet) for _ in range(n))


@test
def classic_examples(lcs):
    return [
        call(lcs, "abcde", "ace"),
        call(lcs, "ezupkr", "ubmrapg"),
        call(lcs, "bl", "yby"),
    ]


@test
def empty_strings(lcs):
    return [call(lcs, "", ""), call(lcs, "abc", ""), call(lcs, "", "xyz")]


@test
def identical_strings(lcs):
    r = Rand(3).py
    s = word(r, 300)
    return [call(lcs, "a", "a"), call(lcs, "zzzzzzz", "zzzzzzz"), call(lcs, s, s)]


@test
def no_common_letters(lcs):
    r = Rand(4).py
    return [
        call(lcs, "abc", "xyz"),
        call(lcs, "q", "p"),
        call(lcs, word(r, 6, LETTERS[:13]), word(r, 8, LETTERS[13:])),
    ]


@test
def greedy_matching_fails(lcs):
    # Matching each letter of one string at its first occurrence in the other is not optimal:
    # the first letter grabbed here blocks the rest.
    return [
        call(lcs, "xaby", "abyx"),
        call(lcs, "abyx", "xaby"),
        call(lcs, "cab", "abc"),
        call(lcs, "zabcde", "abcdez"),
    ]


@test
def order_matters_not_just_counts(lcs):
    return [
        call(lcs, "abc", "cba"),
        call(lcs, "aab", "baa"),
        call(lcs, "abcd", "dcba"),
    ]


@test
def random_short_strings_unequal_lengths(lcs):
    r = Rand(7).py
    calls = []
    for _ in range(40):
        alphabet = LETTERS[: r.randint(2, 5)]
        calls.append(call(lcs, word(r, r.randint(1, 12), alphabet), word(r, r.randint(1, 12), alphabet)))
    return calls


@test
def medium_strings_need_polynomial_time(lcs):
    # 200 x 300: an exponential recursion cannot finish; 500 levels deep at most.
    r = Rand(10).py
    return call(lcs, word(r, 200, "abcdefgh"), word(r, 300, "abcdefgh"))


@test
def max_size_random_letters(lcs):
    r = Rand(8).py
    return call(lcs, word(r, 1000), word(r, 1000))


@test
def max_size_unequal_lengths_small_alphabet(lcs):
    r = Rand(9).py
    return call(lcs, word(r, 1000, "abc"), word(r, 750, "abc"))
