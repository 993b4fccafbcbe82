"""The command-line interface, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.bank import Bank
from mlkata.bank.validate import validate_bank
from tests.conftest import SyncBatch
from tests.judge.conftest import make_problem


def mlkata(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mlkata", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("extra")
    make_problem(root)
    return root


def test_list_shows_bundled_and_added_problems(extra: Path) -> None:
    out = mlkata("--problems", str(extra), "list").stdout
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines()}
    assert rows["scaled-dot-product-attention"] == ["easy", "torch", "15"]
    assert rows["add-two"] == ["easy", "python", "1"]


def test_show_prints_the_statement() -> None:
    out = mlkata("show", "scaled-dot-product-attention").stdout
    assert "means the query may attend to that key" in out


def test_show_unknown_problem_is_a_clear_error() -> None:
    proc = mlkata("show", "no-such-problem")
    assert proc.returncode != 0 and "unknown problem 'no-such-problem'" in proc.stderr


def test_new_writes_the_starter_with_its_marker_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "attn.py"
    assert mlkata("new", "scaled-dot-product-attention", str(target)).returncode == 0
    text = target.read_text()
    assert text.startswith("# mlkata: scaled-dot-product-attention\n")
    assert "def scaled_dot_product_attention(q, k, v, mask=None):" in text
    target.write_text("my work")
    proc = mlkata("new", "scaled-dot-product-attention", str(target))
    assert proc.returncode == 1 and "already exists" in proc.stderr
    assert target.read_text() == "my work"


def test_check_json_format_and_exit_codes(extra: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def add(a, b):\n    return a * b\n")
    proc = mlkata("--problems", str(extra), "check", "add-two", str(wrong), "--json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"problem", "verdict", "passed", "total", "tests", "examples", "sandbox"}
    assert data["examples"] == []
    # What confined the run: each kernel mechanism, on or off and why (the README's threat model says what each does).
    assert set(data["sandbox"]) == {"landlock", "seccomp"}
    assert all(set(info) >= {"on", "why"} for info in data["sandbox"].values())
    assert (data["problem"], data["verdict"], data["passed"], data["total"]) == ("add-two", "wrong_answer", 0, 3)
    first = data["tests"][0]
    assert set(first) == {
        "name", "verdict", "message", "line", "column", "end_line", "end_column", "duration_ms", "details", "expected", "actual"
    }  # fmt: skip
    assert first["details"] == ["call: add(1, 2)", "expected: 3", "got: 2"]
    # The compared values as text, for the Testing view's diff.
    assert (first["expected"], first["actual"]) == ("3", "2")
    assert (first["name"], first["message"], first["line"], first["column"], first["end_column"]) == (
        "adds_small_numbers",
        "add(1, 2): expected 3, got 2",
        1,
        5,
        8,
    )
    right = tmp_path / "right.py"
    right.write_text("def add(a, b):\n    return a + b\n")
    proc = mlkata("--problems", str(extra), "check", "add-two", str(right))
    assert proc.returncode == 0
    assert "3/3 passed - verdict: passed" in proc.stdout


def test_check_rejects_a_non_utf8_file_clearly(extra: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.py"
    bad.write_bytes(b"# caf\xe9\ndef add(a, b):\n    return a + b\n")
    proc = mlkata("--problems", str(extra), "check", "add-two", str(bad))
    assert proc.returncode != 0 and "not UTF-8" in proc.stderr


def test_validate_one_problem(extra: Path) -> None:
    proc = mlkata("--problems", str(extra), "validate", "add-two")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1/1 problems valid" in proc.stdout


def test_validate_judges_golden_solutions_and_prints_a_summary(extra: Path, tmp_path: Path) -> None:
    golden = tmp_path / "add-two"
    golden.mkdir()
    (golden / "right.py").write_text("# expect: passed\ndef add(a, b):\n    return b + a\n")
    (golden / "minus.py").write_text("# expect: wrong_answer adds_small_numbers\ndef add(a, b):\n    return a - b\n")
    (golden / "claims_to_pass.py").write_text("# expect: passed\ndef add(a, b):\n    return a * b\n")
    proc = mlkata("--problems", str(extra), "validate", "add-two", "--solutions", str(tmp_path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1].split()[:3] == ["FAIL", "add-two", "4/5"], proc.stdout
    assert lines[2].strip() == f"{golden / 'claims_to_pass.py'}: verdict wrong_answer, expected passed"
    assert "files     4/5 judged as expected" in lines
    assert any(line.startswith("slowest   add-two ") for line in lines), proc.stdout
    assert lines[-1] == "0/1 problems valid"


def test_validate_reports_a_crashing_reference(tmp_path: Path) -> None:
    # A reference is compared with itself, so only crashes, time-outs and property checks catch it.
    problem = make_problem(tmp_path)
    (problem.path / "solution.py").write_text("def add(a, b):\n    return a + b + [][0]\n")
    proc = mlkata("--problems", str(tmp_path), "validate", "add-two")
    assert proc.returncode == 1
    assert "the reference solution of add-two fails its test adds_small_numbers: list index out of range" in proc.stdout


@pytest.mark.slow
def test_the_whole_bank_validates(bank: Bank, batch: SyncBatch) -> None:
    results = batch.call(validate_bank(list(bank.problems.values()), batch.batch))
    assert [r.issues for r in results if not r.valid] == []
    assert len(results) == len(bank.problems) >= 15
    assert all(len(r.files) == 2 + len(bank.get(r.problem).mistakes) for r in results)


def test_readme_catalogue_is_generated_from_the_bank(bank: Bank) -> None:
    from mlkata.bank.catalogue import catalogue, splice

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    expected = catalogue(bank.problems.values())
    assert splice(readme, expected) == readme, "README catalogue is stale: run `python -m mlkata.bank.catalogue --write`"


def test_readme_decks_are_generated_from_the_cards(bank: Bank) -> None:
    from mlkata.bank import default_roots
    from mlkata.bank.cards import load_cards
    from mlkata.bank.catalogue import DECKS_BEGIN, DECKS_END, decks, splice

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    expected = decks(load_cards(default_roots(), bank.problems))
    assert splice(readme, expected, DECKS_BEGIN, DECKS_END) == readme, (
        "README decks are stale: run `python -m mlkata.bank.catalogue --write`"
    )


def test_repro_writes_a_script_that_reruns_one_test_without_the_reference(extra: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "add.py"
    wrong.write_text("def add(a, b):\n    return a - b\n")
    done = mlkata("--problems", str(extra), "repro", "add-two", str(wrong), "adds_negative_numbers")
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".mlkata" / "repro_adds_negative_numbers.py"
    assert done.stdout.startswith(f"wrote {script}")
    text = script.read_text()
    assert "return a + b" not in text  # the reference's code
    assert "def adds_negative_numbers(add):" in text and "def adds_small_numbers" not in text
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "FAIL adds_negative_numbers: add(-5, 3): expected -2, got -8" in run.stdout

    refused = mlkata("--problems", str(extra), "repro", "add-two", str(wrong), "adds_negative_numbers", "-o", str(wrong))
    assert refused.returncode == 2 and "over the solution itself" in refused.stderr
    assert wrong.read_text() == "def add(a, b):\n    return a - b\n"
    unknown = mlkata("--problems", str(extra), "repro", "add-two", str(wrong), "adds_negative")
    assert unknown.returncode == 2 and "did you mean 'adds_negative_numbers'?" in unknown.stderr
