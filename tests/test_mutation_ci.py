"""The mutation check CI runs: every problem a change touches since the last figures (all when the judge changed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.mutation.changed import GitError, last_doc_commit

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_problems_changed_since_the_last_figures_still_kill_their_mutants() -> None:
    try:
        last_doc_commit(ROOT)
    except GitError as exc:
        pytest.skip(f"no history to compare with ({exc}): a shallow or exported checkout")
    done = subprocess.run(
        [sys.executable, "-m", "mlkata", "mutate", "--changed-since", "doc"],
        capture_output=True,
        text=True,
        timeout=3600,
        cwd=ROOT,
    )
    assert done.returncode == 0, (done.stderr + done.stdout)[-6000:]
