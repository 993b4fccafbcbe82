"""How the judge runs solutions (:class:`Options`), the error it raises, and where reference outputs are cached."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from mlkata import i18n
from mlkata.judge.child.sandbox import off_from_env

if TYPE_CHECKING:
    from mlkata.judge.workers import WarmWorker


class JudgeError(Exception):
    """The judge itself could not produce a verdict (broken problem, broken interpreter)."""


@attrs.frozen
class Options:
    """How runs are made."""

    python: str = sys.executable
    """Interpreter that runs the solution (it needs torch for torch problems)."""
    time_multiplier: float = 1.0
    """Scales every time limit (slow machines, debugging)."""
    cache_dir: Path | None = None
    """Where reference outputs are cached; None means the user's cache folder."""
    worker: WarmWorker | None = attrs.field(default=None, eq=False)
    """A warm worker to fork runs from (None, not ready or dead: a cold process per run)."""
    explain_mistakes: bool = True
    """Say when a wrong answer matches a problem's declared classic mistake (off in mock interviews)."""
    python_worker: WarmWorker | None = attrs.field(default=None, eq=False)
    """A warm worker without torch for pure-Python problems (None: they use ``worker``)."""
    sandbox_off: tuple[str, ...] = ()
    """Kernel mechanisms not to use (``"landlock"``, ``"seccomp"``), beside those ``MLKATA_SANDBOX_OFF``
    names: for a machine where one misbehaves, and for the tests of the judge's degraded modes."""
    stop_at_time_limit: bool = False
    """End the run at the first test that runs out of time; the tests after it are not run (time_limit,
    "not run"). The verdict and the first failing test stay the same: what validation checks of a
    solution that must be too slow, without waiting out the limit of every later test too."""
    locale: str = attrs.field(factory=i18n.locale)
    """The catalogue the run's own messages are written in (:mod:`mlkata.i18n`; default: this process's):
    the run process and the judged processes compose some (mismatches, the harness's checks) and get it in the job."""


def cache_dir(options: Options) -> Path:
    """Folder of the on-disk reference cache."""
    if options.cache_dir is not None:
        return Path(options.cache_dir)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mlkata" / "reference"


def sandbox_off(options: Options) -> list[str]:
    """The mechanisms turned off: the options', and those ``MLKATA_SANDBOX_OFF`` names (comma-separated)."""
    return sorted({*options.sandbox_off, *off_from_env()})
