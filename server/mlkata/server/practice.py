"""Commands of a practice session: hints (unlocked by effort), follow-ups, reset, debug one case."""

from __future__ import annotations

import contextlib
import math
import time
from pathlib import Path
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import to_fs_path

from mlkata.bank import Problem
from mlkata.binding import create_solution
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
    return _hints_json(p, taken, exhausted, locked)


def _hints_json(p: Problem, taken: int, exhausted: bool, locked: str | None) -> dict[str, Any]:
    shown = p.hints[:taken]
    answer: dict[str, Any] = {"id": p.id, "index": taken, "total": len(p.hints), "exhausted": exhausted}
    if locked is not None:
        answer["locked"] = locked
    answer["hint"] = {"title": shown[-1].title, "text": shown[-1].text} if shown and locked is None else None
    answer["revealed"] = [{"title": h.title, "text": h.text} for h in shown]
    return answer


def hint_lock(ls: MlKataServer, problem: str, taken: int) -> str | None:
    """Why hint taken+1 is still locked (None: it is unlocked). Hint n+1 needs n units of effort."""
    runs, minutes = ls.settings.hint_runs, ls.settings.hint_minutes
    if taken == 0 or (runs == 0 and minutes == 0):
        return None
    failed, since = ls.record("your effort", lambda: ls.store.effort(problem)) or (0, None)
    worked = 0.0 if since is None else (time.time() - since) / 60
    need_runs, need_minutes = taken * runs, taken * minutes
    if (runs and failed >= need_runs) or (minutes and worked >= need_minutes):
        return None
    ways = []
    if runs:
        more = need_runs - failed
        ways.append(f"{more} more failed run{'s' if more != 1 else ''}")
    if minutes:
        ways.append(f"{max(1, math.ceil(need_minutes - worked))} more minute{'s' if need_minutes - worked > 1 else ''} of work")
    return f"hint {taken + 1} unlocks after " + " or ".join(ways)


def followups(ls: MlKataServer, params: Followups) -> dict[str, Any]:
    """The follow-up questions and model answers, and the reference solution: after a pass or give-up."""
    name = Commands.FOLLOWUPS
    p = problem_of(ls, params, name)
    if interviews.in_round_on(ls, p.id):
        raise JsonRpcInvalidParams(f"{name}: not during the mock round on this problem; submit the round first")
    unlocked = ls.record("progress", lambda: ls.store.unlocked(p.id))
    if not unlocked and not params.give_up:
        raise JsonRpcInvalidParams(f'{name}: solve {p.id} first (every hidden test passing), or give up with {{"giveUp": true}}')
    if not unlocked:
        ls.record("the give-up", lambda: ls.store.record_giveup(p.id))
        review.after_giveup(ls, p.id)
    return {
        "id": p.id,
        "title": p.title,
        "followups": [{"question": f.question, "answer": f.answer} for f in p.followups],
        "solution": p.solution,
    }


def reset_problem(ls: MlKataServer, params: FileRef) -> dict[str, Any]:
    """Back up the solution file (and unsaved editor text), then write the starter again."""
    name = Commands.RESET_PROBLEM
    uri = uri_of(params, name)
    p = problem_of(ls, ProblemRef(uri=uri), name)
    fs_path = to_fs_path(uri)
    if not fs_path:
        raise JsonRpcInvalidParams(f"{name}: {uri} is not a file on disk")
    path = Path(fs_path)
    try:
        backups = _backups(ls, uri, path)
        fresh = path.with_name(f".{path.name}.mlkata-reset")
        with contextlib.suppress(FileNotFoundError):
            fresh.unlink()
        create_solution(fresh, p.id, p.starter)
        fresh.replace(path)
    except OSError as exc:
        raise JsonRpcInvalidParams(f"{name}: cannot reset {path}: {exc.strerror}; nothing was changed") from None
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
        raise JsonRpcInvalidParams(f"{name}: argument 'test' must be a non-empty string, got nothing")
    path = to_fs_path(uri)
    if path is None or not Path(path).is_file():
        raise JsonRpcInvalidParams(f"{name}: {uri} is not a file on disk (save it first)")
    try:
        script = await write_repro(p, params.test, Path(path), ls.options)
    except (ReproError, JudgeError) as exc:
        raise JsonRpcInvalidParams(f"{name}: {exc}") from None
    except OSError as exc:
        raise JsonRpcInvalidParams(f"{name}: cannot write the script: {exc}") from None
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
