"""Commands of a practice session: hints (unlocked by effort), follow-ups, reset, debug one case."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import to_fs_path

from mlkata import hints
from mlkata.binding import create_solution
from mlkata.i18n import t
from mlkata.server import interviews, review
from mlkata.server.backups import copy_to_backup
from mlkata.server.params import DebugCase, FileRef, Followups, ProblemRef, problem_of, register, uri_of
from mlkata.server.protocol import Commands
from mlkata.server.state import MlKataServer


def next_hint(ls: MlKataServer, params: ProblemRef) -> dict[str, Any]:
    """Reveal the next hint of a problem; returns every hint revealed so far."""
    p = problem_of(ls, params, Commands.NEXT_HINT)
    taken = ls.record("hints", lambda: ls.store.hints_taken(p.id)) or 0
    exhausted = taken >= len(p.hints)
    locked = None if exhausted else hint_lock(ls, p.id, taken)
    if locked is None:
        if not exhausted:
            mock_id = ls.mock.id if ls.mock else None
            ls.record("this hint", lambda: ls.store.record_hint(p.id, taken, mock_id))
            interviews.record_hint(ls, p.id)
            taken += 1
        ls.refresh_lenses()
    return hints.hints_json(p, taken, exhausted, locked)


def hint_lock(ls: MlKataServer, problem: str, taken: int) -> str | None:
    """Why hint taken+1 is still locked (None: it is unlocked), by :func:`mlkata.hints.lock` with the settings."""
    runs, minutes = ls.settings.hint_runs, ls.settings.hint_minutes
    if taken == 0 or (runs == 0 and minutes == 0):
        return None
    failed, since = ls.record("your effort", lambda: ls.store.effort(problem)) or (0, None)
    return hints.lock(taken, failed, since, time.time(), runs, minutes)


def followups(ls: MlKataServer, params: Followups) -> dict[str, Any]:
    """The follow-up questions and model answers, and the reference solution: after a pass or give-up."""
    name = Commands.FOLLOWUPS
    p = problem_of(ls, params, name)
    if interviews.in_round_on(ls, p.id):
        raise JsonRpcInvalidParams(t("command.followups.duringRound", command=name))
    unlocked = ls.record("progress", lambda: ls.store.unlocked(p.id))
    if not unlocked and not params.give_up:
        raise JsonRpcInvalidParams(t("command.followups.solveFirst", command=name, id=p.id))
    if not unlocked:
        ls.record("the give-up", lambda: ls.store.record_giveup(p.id))
        review.after_giveup(ls, p.id)
    return hints.followups_json(p)


def reset_problem(ls: MlKataServer, params: FileRef) -> dict[str, Any]:
    """Back up the solution file (and unsaved editor text), then write the starter again."""
    name = Commands.RESET_PROBLEM
    uri = uri_of(params, name)
    p = problem_of(ls, ProblemRef(uri=uri), name)
    fs_path = to_fs_path(uri)
    if not fs_path:
        raise JsonRpcInvalidParams(t("command.notOnDisk", command=name, uri=uri))
    path = Path(fs_path)
    try:
        backups = _backups(ls, uri, path)
        fresh = path.with_name(f".{path.name}.mlkata-reset")
        with contextlib.suppress(FileNotFoundError):
            fresh.unlink()
        create_solution(fresh, p.id, p.starter)
        fresh.replace(path)
    except OSError as exc:
        raise JsonRpcInvalidParams(t("command.cannotReset", command=name, path=path, error=exc.strerror)) from None
    ls.record("the restart of this problem", lambda: ls.store.record_start(p.id))
    text = path.read_text(encoding="utf-8")
    if ls.is_open(uri):
        ls.replace_text(uri, text, "ML Kata: reset problem")
    return {"id": p.id, "path": str(path), "uri": uri, "backups": [str(b) for b in backups]}


def _backups(ls: MlKataServer, uri: str, path: Path) -> list[Path]:
    """Back up the file on disk, and the editor's text when it differs (unsaved changes)."""
    backups = []
    if path.exists():
        backups.append(copy_to_backup(path))
    if ls.is_open(uri):
        unsaved = ls.document(uri).source
        on_disk = path.read_text(encoding="utf-8", errors="surrogateescape") if path.exists() else None
        if unsaved != on_disk:
            backups.append(copy_to_backup(path, unsaved))
    return backups


async def debug_case(ls: MlKataServer, params: DebugCase) -> dict[str, Any]:
    """Write the script that reruns one hidden test on the file (``uri``, ``test``); returns its path.

    The client then runs it under the Python debugger, or in a terminal.
    """
    from mlkata.judge.engine import write_repro
    from mlkata.judge.options import JudgeError
    from mlkata.judge.repro import ReproError

    name = Commands.DEBUG_CASE
    uri = uri_of(params, name)
    p = problem_of(ls, ProblemRef(uri=uri), name)
    if params.test is None:
        raise JsonRpcInvalidParams(t("command.missingArgument", command=name, name="test"))
    path = to_fs_path(uri)
    if path is None or not Path(path).is_file():
        raise JsonRpcInvalidParams(t("command.notOnDiskSaveFirst", command=name, uri=uri))
    try:
        script = await write_repro(p, params.test, Path(path), ls.options)
    except (ReproError, JudgeError) as exc:
        raise JsonRpcInvalidParams(t("command.failed", command=name, error=exc)) from None
    except OSError as exc:
        raise JsonRpcInvalidParams(t("command.cannotWriteScript", command=name, error=exc)) from None
    return {"id": p.id, "uri": uri, "test": params.test, "path": str(script), "python": ls.options.python}


def setup(server: MlKataServer) -> None:
    """Register the practice commands."""
    register(
        server,
        {
            Commands.NEXT_HINT: next_hint,
            Commands.FOLLOWUPS: followups,
            Commands.RESET_PROBLEM: reset_problem,
            Commands.DEBUG_CASE: debug_case,
        },
    )
