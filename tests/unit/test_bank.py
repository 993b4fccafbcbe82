"""Loading problems: every malformed problem names its file and field; others still load."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import ProblemError, load_bank, load_problem
from tests.judge.conftest import make_problem


def broken(tmp_path: Path, **edits: str) -> Path:
    """A valid add-two problem with some files replaced."""
    problem = make_problem(tmp_path)
    for name, text in edits.items():
        path = problem.path / name.replace("_", ".", 1)
        if text == "<delete>":
            path.unlink()
        else:
            path.write_text(text)
    return problem.path


def error_of(folder: Path) -> ProblemError:
    with pytest.raises(ProblemError) as info:
        load_problem(folder)
    return info.value


def test_a_valid_problem_loads_with_its_parts(tmp_path: Path) -> None:
    p = make_problem(tmp_path)
    assert (p.id, p.kind, p.entry_point, p.limits.test_time_ms) == ("add-two", "python", "add", 1000)
    assert p.test_names == ("adds_small_numbers", "adds_negative_numbers", "adds_large_numbers")
    assert [h.title for h in p.hints] == ["Hint 1", "Hint 2"]
    assert p.followups[0].question == "Overflow?"


def test_bad_toml_names_the_file(tmp_path: Path) -> None:
    err = error_of(broken(tmp_path, problem_toml="id = [unclosed\n"))
    assert err.path.name == "problem.toml"
    assert "invalid TOML" in str(err)


def test_missing_file_is_named(tmp_path: Path) -> None:
    err = error_of(broken(tmp_path, hints_md="<delete>"))
    assert err.path.name == "hints.md" and "missing file" in str(err)


def test_unknown_field_is_named(tmp_path: Path) -> None:
    folder = make_problem(tmp_path).path
    toml = (folder / "problem.toml").read_text().replace('kind = "python"', 'kind = "python"\nlevel = 3')
    (folder / "problem.toml").write_text(toml)
    err = error_of(folder)
    assert err.field == "level" and "unknown field" in str(err)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('difficulty = "easy"', 'difficulty = "trivial"', "difficulty"),
        ('kind = "python"', 'kind = "jax"', "kind"),
        ("suggested_minutes = 1", 'suggested_minutes = "one"', "suggested_minutes"),
        ('id = "add-two"', 'id = "add-three"', "id"),
        ("memory_mb = 256", "memory_mb = -1", "limits.memory_mb"),
        ("test_time_ms = 1000\n", "", "limits.test_time_ms"),
        ('topics = ["warm-up"]', "topics = []", "topics"),
        ('area = "algorithms"', 'area = "misc"', "area"),
    ],
)
def test_bad_metadata_names_the_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    folder = make_problem(tmp_path).path
    toml = (folder / "problem.toml").read_text()
    assert old in toml
    (folder / "problem.toml").write_text(toml.replace(old, new))
    assert error_of(folder).field == field


def test_entry_point_absent_from_starter(tmp_path: Path) -> None:
    err = error_of(broken(tmp_path, starter_py="def plus(a, b):\n    raise NotImplementedError\n"))
    assert err.path.name == "starter.py" and err.field == "entry_point"
    assert "`add`" in str(err)


def test_tests_without_any_test(tmp_path: Path) -> None:
    err = error_of(broken(tmp_path, tests_py="def helper():\n    pass\n"))
    assert err.path.name == "tests.py" and "no hidden test" in str(err)


def test_one_broken_problem_never_hides_the_others(tmp_path: Path) -> None:
    good = make_problem(tmp_path / "a")
    bad = make_problem(tmp_path / "b").path
    (bad / "statement.md").unlink()
    other = tmp_path / "a" / "zzz-broken"
    bad.rename(other)
    bank = load_bank([tmp_path / "a"])
    assert list(bank.problems) == [good.id]
    assert len(bank.errors) == 1 and bank.errors[0].path.parent == other


def test_later_roots_override_earlier_ones(tmp_path: Path) -> None:
    make_problem(tmp_path / "a")
    override = make_problem(tmp_path / "b")
    (override.path / "statement.md").write_text("# Mine\n\n`add` my way.\n")
    bank = load_bank([tmp_path / "a", tmp_path / "b"])
    assert bank.get("add-two").statement.startswith("# Mine")


def test_unknown_id_error_is_helpful(tmp_path: Path) -> None:
    make_problem(tmp_path)
    with pytest.raises(KeyError, match="unknown problem 'nope'"):
        load_bank([tmp_path]).get("nope")


def test_a_mistake_file_needs_its_explanation_line(tmp_path: Path) -> None:
    folder = make_problem(tmp_path).path
    (folder / "mistakes").mkdir()
    (folder / "mistakes" / "minus.py").write_text("def add(a, b):\n    return a - b\n")
    err = error_of(folder)
    assert err.path.name == "minus.py" and "# mistake:" in str(err)
    (folder / "mistakes" / "minus.py").write_text("# mistake: subtracts instead of adding\ndef add(a, b):\n    return a - b\n")
    (mistake,) = load_problem(folder).mistakes
    assert mistake.name == "minus" and mistake.explanation == "subtracts instead of adding"
