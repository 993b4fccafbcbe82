"""Which problems a change touches, for the mutation check in CI (``mlkata mutate --changed-since REV``).

A problem is touched when a file of its folder changed; every problem is when the judge, the
harness or the mutation tool changed (their behaviour decides every kill). The base CI uses is the
last commit that wrote ``docs/test-strength.md``: the figures there were true then.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

EVERYTHING = ("server/mlkata/judge/", "server/mlkata/mutation/")
"""A change under one of these can change any problem's kills."""


class GitError(Exception):
    """The checkout's history cannot answer (not a git checkout, unknown revision)."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git {' '.join(args)}: {exc}") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_paths(root: Path, since: str) -> list[str]:
    """Paths (relative to the checkout) that differ between ``since`` and the working tree, untracked included."""
    changed = _git(root, "diff", "--name-only", since, "--").splitlines()
    untracked = _git(root, "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted({p for p in changed + untracked if p})


def touched(paths: Iterable[str], ids: Iterable[str], problems_dir: str = "problems/") -> list[str] | None:
    """The problem ids a change to ``paths`` touches; None for all of them."""
    known = set(ids)
    found: set[str] = set()
    for path in paths:
        if path.startswith(EVERYTHING):
            return None
        if path.startswith(problems_dir):
            pid = path[len(problems_dir) :].split("/", 1)[0]
            if pid in known:
                found.add(pid)
    return sorted(found)


def last_doc_commit(root: Path, doc: str = "docs/test-strength.md") -> str:
    """The last commit that wrote the figures (the base CI compares with)."""
    rev = _git(root, "log", "-1", "--format=%H", "--", doc).strip()
    if not rev:
        raise GitError(f"no commit has written {doc}")
    return rev
