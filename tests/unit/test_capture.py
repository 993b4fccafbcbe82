"""The reference's test inputs are kept by rewriting the drive parts' returns, with no hook while they run."""

from __future__ import annotations

import sys
from typing import Any

from mlkata.judge import api
from mlkata.judge.child import capture, hidden

TESTS = """
from mlkata.judge.api import call, test


def helper(n):
    rows = list(range(n))
    return rows


@test
def branches(f):
    small = helper(3)
    if small:
        big = helper(40)
        return call(f, small, big)
    never = 1
    return never


@test(atol=1e-3)
def nested(f):
    def inner(x):
        hidden = x * 2
        return hidden

    value = inner(5)
    lengths = [len(w) for w in ("a", "bb")]
    f(value)
    return


def not_a_test(f):
    local = 1
    return f(local)
"""


def test_each_drive_keeps_its_locals_as_they_were_when_it_returned() -> None:
    seen_hooks: list[Any] = []

    def entry(*args: Any) -> int:
        seen_hooks.append((sys.getprofile(), sys.gettrace()))
        return sum(len(a) if isinstance(a, list) else a for a in args)

    drives = capture.capturing_tests(TESTS, hidden.hidden_tests(TESTS, api)[0], api)
    assert sorted(drives) == ["branches", "nested"]

    output, kept = capture.drive_capturing(drives["branches"], entry)
    assert output == {"call": "entry([0, 1, 2], <list of 40 of int>)", "returned": 43}
    assert sorted(kept) == ["big", "small"]  # not `never` (never bound), not `f` (the entry point)
    assert kept["big"] == list(range(40))

    output, kept = capture.drive_capturing(drives["nested"], entry)
    assert output is None
    assert sorted(kept) == ["inner", "lengths", "value"]  # the nested function's `hidden` is its own
    assert kept["value"] == 10 and kept["lengths"] == [1, 2]

    # Nothing watches the calls while a drive runs: input-heavy tests take the time they take.
    assert seen_hooks == [(None, None), (None, None)]


def test_the_rewritten_drives_give_the_same_outputs_as_the_originals() -> None:
    original = hidden.hidden_tests(TESTS, api)[0]
    rewritten = capture.capturing_tests(TESTS, original, api)
    assert sorted(original) == sorted(rewritten)

    def entry(*args: Any) -> int:
        return len(args)

    for name in original:
        assert capture.drive_capturing(rewritten[name], entry)[0] == original[name](entry)
