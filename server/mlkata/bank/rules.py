"""A problem's rule map, ``rules.toml``: every rule its statement states, and the hidden tests that check it.

A rule is anything a user could get wrong while the rest of the solution is right: every "must",
"never", "do not", "raises", a stated range and its boundaries, an edge case the statement names, a
complexity bound, a dtype, shape or gradient promise, a promise not to change the inputs. Each
names the tests that fail when a solution breaks only that rule. Loading checks the file's shape;
:func:`rule_issues` (run by ``mlkata validate``) checks the map against the tests.

    [[rule]]
    text = "q, k and v are not modified."
    kind = "no-side-effect"
    tests = ["inputs_unchanged"]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mlkata.bank.model import RULE_KINDS, ProblemError, Rule
from mlkata.bank.tables import read_tables

FILE = "rules.toml"


def load_rules(path: Path) -> tuple[Rule, ...]:
    """The rules of ``path`` (none when the file is absent: validation reports that); raises ProblemError."""
    return tuple(_rule(path, n, table) for n, table in enumerate(read_tables(path, "rule"), 1))


def _rule(path: Path, n: int, table: object) -> Rule:
    where = f"rule {n}"
    if not isinstance(table, dict) or set(table) != {"text", "kind", "tests"}:
        raise ProblemError(path, f"{where}: expected exactly the fields text, kind and tests", "rule")
    for key in ("text", "kind"):
        if not isinstance(table[key], str) or not table[key].strip():
            raise ProblemError(path, f"{where}: missing or not a non-empty string", key)
    if table["kind"] not in RULE_KINDS:
        raise ProblemError(path, f"{where}: {table['kind']!r} is not one of {', '.join(RULE_KINDS)}", "kind")
    tests = table["tests"]
    if not isinstance(tests, list) or not all(isinstance(t, str) for t in tests):
        raise ProblemError(path, f"{where}: expected a list of test names", "tests")
    return Rule(" ".join(table["text"].split()), table["kind"], tuple(tests))


def rule_issues(folder: Path, rules: Sequence[Rule], test_names: Sequence[str]) -> list[str]:
    """What is wrong with a problem's rule map: none at all, a rule naming no test, or a test that does not exist."""
    path = folder / FILE
    if not rules:
        return [f"{path}: no rules: list every rule the statement states, each with the hidden tests that check it"]
    issues = []
    known = set(test_names)
    for n, rule in enumerate(rules, 1):
        if not rule.tests:
            issues.append(f"{path}: rule {n} ({rule.text!r}) names no test: add the test that fails when only it is broken")
        for test in rule.tests:
            if test not in known:
                issues.append(f"{path}: rule {n} ({rule.text!r}) names {test!r}, which is not a test in tests.py")
    return issues
