"""Which problems the CI mutation check runs: those a change touches, all when the judge or the tool changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.mutation.changed import GitError, changed_paths, last_doc_commit, touched

ROOT = Path(__file__).resolve().parents[2]
IDS = ("add-two", "lru-cache", "dpo-loss")


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        ([], []),
        (["README.md", "client/src/server.ts", "tests/solutions/lru-cache/x.py"], []),
        (["problems/lru-cache/tests.py", "problems/dpo-loss/statement.md", "problems/gone/tests.py"], ["dpo-loss", "lru-cache"]),
        (["problems/lru-cache/tests.py", "server/mlkata/judge/compare.py"], None),
        (["server/mlkata/mutation/ml_ops.py"], None),
        (["server/mlkata/server/runs.py"], []),
    ],
    ids=["nothing", "not-a-problem", "two-problems", "the-judge", "the-tool", "the-server"],
)
def test_touched(paths: list[str], expected: list[str] | None) -> None:
    assert touched(paths, IDS) == expected


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_changed_since_the_last_figures(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "problems" / "lru-cache").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "start")
    (repo / "docs" / "test-strength.md").write_text("figures\n")
    (repo / "problems" / "lru-cache" / "tests.py").write_text("v1\n")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", "figures")
    base = last_doc_commit(repo)
    assert changed_paths(repo, base) == []
    (repo / "problems" / "lru-cache" / "tests.py").write_text("v2\n")
    (repo / "problems" / "lru-cache" / "mutants.toml").write_text("")
    assert changed_paths(repo, base) == ["problems/lru-cache/mutants.toml", "problems/lru-cache/tests.py"]
    with pytest.raises(GitError, match="no commit has written"):
        last_doc_commit(repo, "docs/other.md")


def test_the_cli_checks_nothing_when_nothing_changed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mlkata", "mutate", "--changed-since", "HEAD", "--list"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "since " in done.stderr
