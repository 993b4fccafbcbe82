"""``mutants.toml``: declarations read, and every malformed file a clear error naming file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.mutation.equivalents import Equivalent, MutantsFileError, load_equivalents, parse_equivalents

GOOD = """\
[[equivalent]]
id = "dim:1a2b3c4d:0"
reason = "the scores are symmetric in these tests"

[[equivalent]]
id = "swap-args:0000ffff:12"
reason = "  max is symmetric  "
"""


def test_a_missing_file_declares_none(tmp_path: Path) -> None:
    assert load_equivalents(tmp_path) == {}


def test_declarations_are_read_by_id(tmp_path: Path) -> None:
    (tmp_path / "mutants.toml").write_text(GOOD)
    assert load_equivalents(tmp_path) == {
        "dim:1a2b3c4d:0": Equivalent("dim:1a2b3c4d:0", "the scores are symmetric in these tests"),
        "swap-args:0000ffff:12": Equivalent("swap-args:0000ffff:12", "max is symmetric"),
    }
    assert parse_equivalents("", "empty.toml") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[equivalent]\nid = 1", "p/mutants.toml: not valid TOML: "),
        ("equivalents = []", "p/mutants.toml: unknown key 'equivalents'; the file holds only [[equivalent]] tables"),
        ('equivalent = "dim:1a2b3c4d:0"', "p/mutants.toml: 'equivalent' must be an array of tables, each written [[equivalent]]"),
        (
            '[[equivalent]]\nid = "dim:1a2b3c4d:0"',
            "p/mutants.toml: [[equivalent]] #1: 'reason' must be a non-empty string, got None",
        ),
        (
            '[[equivalent]]\nid = "dim:1a2b3c4d:0"\nreason = " "',
            "[[equivalent]] #1: 'reason' must be a non-empty string, got ' '",
        ),
        ('[[equivalent]]\nid = 3\nreason = "r"', "[[equivalent]] #1: 'id' must be a non-empty string, got 3"),
        (
            '[[equivalent]]\nid = "dim:1a2b3c4d"\nreason = "r"',
            "p/mutants.toml: [[equivalent]] #1: id 'dim:1a2b3c4d' is not a mutant id (as `mlkata mutate` prints: 'dim:1a2b3c4d:0')",
        ),
        (
            '[[equivalent]]\nid = "dim:1a2b3c4d:0"\nreason = "r"\nwhy = "x"',
            "[[equivalent]] #1: unknown field 'why' (fields: id, reason)",
        ),
        (
            '[[equivalent]]\nid = "dim:1a2b3c4d:0"\nreason = """two\nlines"""',
            "#1: the reason of 'dim:1a2b3c4d:0' must be one line",
        ),
        (
            GOOD + '\n[[equivalent]]\nid = "dim:1a2b3c4d:0"\nreason = "again"',
            "#3: 'dim:1a2b3c4d:0' is declared twice; keep one entry",
        ),
    ],
)
def test_a_malformed_file_names_the_file_the_entry_and_the_fix(text: str, message: str) -> None:
    with pytest.raises(MutantsFileError) as caught:
        parse_equivalents(text, Path("p/mutants.toml"))
    assert message in str(caught.value)
    assert str(caught.value).startswith("p/mutants.toml: ")


def test_an_unreadable_file_is_an_error_too(tmp_path: Path) -> None:
    (tmp_path / "mutants.toml").write_bytes(b"\xff\xfe")
    with pytest.raises(MutantsFileError, match=r"mutants\.toml: cannot read it"):
        load_equivalents(tmp_path)
