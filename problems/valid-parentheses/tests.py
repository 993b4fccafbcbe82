"""Hidden tests for valid-parentheses."""

from mlkata.judge.api import Rand, call, test

PAIRS = ["()", "[]", "{}"]


def balanced(r, pairs):
    """A random balanced string of `pairs` bracket pairs (nested and side by side)."""
    if pairs == 0:
        return ""
    inner = r.randint(0, pairs - 1)
    o, c = r.choice(PAIRS)
    return o + balanced(r, inner) + c + balanced(r, pairs - 1 - inner)


@test
def classic_examples(is_valid):
    return [
        call(is_valid, "()"),
        call(is_valid, "()[]{}"),
        call(is_valid, "{[]}"),
        call(is_valid, "([]{})[]"),
        call(is_valid, "(]"),
        call(is_valid, "((}"),
    ]


@test
def empty_string_is_valid(is_valid):
    return call(is_valid, "")


@test
def closing_bracket_of_another_type_is_invalid(is_valid):
    return [
        call(is_valid, "{)"),
        call(is_valid, "[}"),
        call(is_valid, "(()]"),
        call(is_valid, "{[]]"),
    ]


@test
def brackets_close_in_the_right_order(is_valid):
    # Every type is balanced by count, but the most recently opened bracket does not close first.
    return [
        call(is_valid, "([)]"),
        call(is_valid, "{[}]"),
        call(is_valid, "(([]){)}"),
        call(is_valid, "[(])"),
        call(is_valid, "([{}])"),
    ]


@test
def closing_bracket_with_nothing_open_is_invalid(is_valid):
    return [
        call(is_valid, ")"),
        call(is_valid, "]"),
        call(is_valid, "())"),
        call(is_valid, "}{"),
        call(is_valid, "()]["),
        call(is_valid, ")()("),
    ]


@test
def brackets_left_open_are_invalid(is_valid):
    return [
        call(is_valid, "("),
        call(is_valid, "[["),
        call(is_valid, "{[("),
        call(is_valid, "(()"),
        call(is_valid, "()[]{"),
    ]


@test
def random_small_strings(is_valid):
    # Half balanced strings, half random ones (almost always unbalanced), up to 16 characters.
    r = Rand(3).py
    calls = []
    for i in range(200):
        if i % 2 == 0:
            s = balanced(r, r.randint(1, 8))
            if i % 4 == 2:  # one character changed: usually breaks it
                j = r.randrange(len(s))
                s = s[:j] + r.choice("()[]{}") + s[j + 1 :]
        else:
            s = "".join(r.choice("()[]{}") for _ in range(r.randint(1, 16)))
        calls.append(call(is_valid, s))
    return calls


@test
def deep_nesting_5000_levels(is_valid):
    # 10^4 characters nested 5000 deep: one recursive call per open bracket passes Python's
    # default recursion limit (1000).
    opening = "([{" * 1666 + "(("
    closing = "".join({"(": ")", "[": "]", "{": "}"}[c] for c in reversed(opening))
    return [
        call(is_valid, opening + closing),
        call(is_valid, opening + closing[:-1] + "]"),
        call(is_valid, "(" * 5000 + ")" * 4999),
        call(is_valid, "()" * 5000),
    ]
