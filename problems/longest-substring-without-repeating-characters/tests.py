"""Hidden tests for longest-substring-without-repeating-characters."""

from mlkata.judge.api import Rand, call, test


def distinct_chars(count, start=0x100):
    # Code points start .. start + count - 1 (Latin Extended, Greek, Cyrillic, ..., CJK): no
    # surrogates below 0xD800 as long as start + count <= 0xD800.
    return [chr(c) for c in range(start, start + count)]


@test
def classic_examples(f):
    return [call(f, "abcabcbb"), call(f, "bbbbb"), call(f, "pwwkew")]


@test
def empty_and_single_character(f):
    return [call(f, ""), call(f, "a"), call(f, "zz")]


@test
def all_distinct_characters(f):
    return [call(f, "abcdef"), call(f, "qwertyuiopasdfghjklzxcvbnm")]


@test
def left_edge_never_moves_backwards(f):
    # In "abba" the second 'a' was last seen before the window's left edge: the window must
    # not grow back to include the first 'b' again.
    return [call(f, "abba"), call(f, "tmmzuxt"), call(f, "abcddcbaxyz")]


@test
def spaces_digits_and_punctuation(f):
    return [
        call(f, " "),
        call(f, "a b c"),
        call(f, "Hello, World!"),
        call(f, "aAbBaA"),
        call(f, "12312345"),
    ]


@test
def unicode_code_points(f):
    return [
        call(f, "😀😃😀"),
        call(f, "你好你好世界"),
        call(f, "e\u0301e\u0301"),  # combining acute accent: 4 code points, 2 distinct
        call(f, "\u00e9e\u0301"),  # precomposed é, then e + combining accent: 3 distinct
        call(f, "👨\u200d👩\u200d👧"),  # ZWJ family emoji: the joiner repeats
        call(f, "añ🙂中ñ"),
    ]


@test
def random_short_strings(f):
    r = Rand(7).py
    pools = ["ab", "abcde", "xyz .!", "αβγδε", "🙂🙃😉😊", "abcαβ🙂 1"]
    calls = []
    for _ in range(40):
        pool = r.choice(pools)
        calls.append(call(f, "".join(r.choice(pool) for _ in range(r.randint(0, 30)))))
    return calls


@test
def long_all_distinct(f):
    # 50 000 different code points: restarting the scan at every index costs ~1.25e9 steps.
    chars = distinct_chars(50_000)
    Rand(8).py.shuffle(chars)
    return call(f, "".join(chars))


@test
def long_window_inside_long_string(f):
    # A permutation of 25 000 code points written twice: every window from index i has 25 000
    # characters, so a restart scan costs ~6e8 steps even if it stops when it cannot win.
    chars = distinct_chars(25_000, start=0x4E00 - 12_000)
    Rand(9).py.shuffle(chars)
    block = "".join(chars)
    return call(f, "x" + block + block[:20_000] + "x")


@test
def long_small_alphabet(f):
    r = Rand(10).py
    pool = distinct_chars(120, start=0x1F600 - 40)
    return call(f, "".join(r.choice(pool) for _ in range(50_000)))
