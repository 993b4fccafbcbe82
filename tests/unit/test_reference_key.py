"""The reference cache's key covers all the code a run process executes, found from its files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlkata.judge import reference


@pytest.fixture
def judge_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the judge folder that the cached digest reads instead of the real one."""
    copy = tmp_path / "judge"
    shutil.copytree(Path(reference.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(reference, "_JUDGE_DIR", copy)
    reference._judge_digest.cache_clear()
    yield copy
    reference._judge_digest.cache_clear()


def _digest() -> bytes:
    reference._judge_digest.cache_clear()
    return reference._judge_digest()


def test_the_key_covers_the_child_package_and_the_harness_it_imports(judge_copy: Path) -> None:
    names = [path.relative_to(judge_copy).as_posix() for path in reference.judge_files(judge_copy)]
    package = sorted(p.relative_to(judge_copy).as_posix() for p in (judge_copy / "child").glob("*.py"))
    assert names[: len(package)] == package
    assert {"child/__main__.py", "child/protocol.py", "child/run.py"} <= set(package)
    # compare through api, readable through compare; not runner, engine...
    assert names[len(package) :] == ["api.py", "compare.py", "readable.py", "wire.py"]


def test_the_digest_depends_on_the_files_not_on_where_they_are(judge_copy: Path) -> None:
    assert _digest() == reference.judge_digest(Path(reference.__file__).parent)


def test_a_new_file_in_the_package_changes_the_key(judge_copy: Path) -> None:
    before = _digest()
    (judge_copy / "child" / "extra.py").write_text('"""A module added later."""\n')
    assert _digest() != before


def test_a_changed_harness_module_changes_the_key(judge_copy: Path) -> None:
    before = _digest()
    compare = judge_copy / "compare.py"
    compare.write_text(compare.read_text() + "\n# changed\n")
    assert _digest() != before


def test_a_new_harness_module_imported_by_the_package_is_covered(judge_copy: Path) -> None:
    helper = judge_copy / "newhelper.py"
    helper.write_text("VALUE = 1\n")
    assert "newhelper.py" not in {p.name for p in reference.judge_files(judge_copy)}
    judged = judge_copy / "child" / "judged.py"
    judged.write_text(
        judged.read_text() + "\n\ndef _uses_it():\n    from mlkata.judge.newhelper import VALUE\n\n    return VALUE\n"
    )
    assert "newhelper.py" in {p.name for p in reference.judge_files(judge_copy)}
    before = _digest()
    helper.write_text("VALUE = 2\n")
    assert _digest() != before


def test_the_digest_is_computed_once_per_process(judge_copy: Path) -> None:
    first = _digest()
    (judge_copy / "child" / "extra.py").write_text("")
    assert reference._judge_digest() == first  # cached: the same key for the whole session
