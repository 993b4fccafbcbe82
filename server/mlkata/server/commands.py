"""``workspace/executeCommand`` handlers, code lenses and hover.

Every command takes one JSON object argument (e.g. ``{"id": "layer-norm"}``) and returns JSON the
client renders. Bad arguments are answered with an LSP ``InvalidParams`` error naming the argument.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path, to_fs_path

from mlkata.binding import bind, create_solution, solution_name
from mlkata.judge import locate
from mlkata.mock import MockSession
from mlkata.store import StoreError

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.server.app import MlKataServer

COMMANDS: dict[str, Callable[..., Any]] = {}


def command(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a handler ``(server, params: dict) -> result`` under name."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        COMMANDS[name] = fn
        return fn

    return register


def register(server: MlKataServer) -> None:
    """Register every command with the server (arguments checked before the handler runs)."""
    for name, fn in COMMANDS.items():
        server.command(name)(_wrap(name, fn))


def _wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    async def handler(ls: Any, *args: Any) -> Any:  # pygls resolves these annotations at run time
        params = _params(name, args)
        result = fn(ls, params)
        if hasattr(result, "__await__"):
            result = await result
        return result

    handler.__name__ = name.replace(".", "_")
    return handler


def _params(name: str, args: tuple[Any, ...]) -> dict[str, Any]:
    if not args:
        return {}
    if len(args) == 1 and isinstance(args[0], dict):
        return args[0]
    if len(args) == 1 and isinstance(args[0], str):
        return {"uri": args[0]} if "://" in args[0] else {"id": args[0]}
    raise JsonRpcInvalidParams(f'{name}: expected one object argument such as {{"id": "layer-norm"}}, got {list(args)!r}')


def _str(params: dict[str, Any], key: str, name: str, required: bool = True) -> str | None:
    value = params.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        got = "nothing" if value is None else f"{type(value).__name__} {value!r}"
        raise JsonRpcInvalidParams(f"{name}: argument '{key}' must be a non-empty string, got {got}")
    return value


def _problem(ls: MlKataServer, params: dict[str, Any], name: str) -> Problem:
    """The problem named by ``id``, or bound by the file at ``uri``."""
    if params.get("id") is None and params.get("uri") is not None:
        text = _text(ls, params, name)
        binding, problem = ls.problem_of(text)
        if binding is None:
            raise JsonRpcInvalidParams(f"{name}: {params['uri']} is not bound to a problem (no '# mlkata: <id>' first line)")
        if problem is None:
            raise JsonRpcInvalidParams(f"{name}: unknown problem {binding.problem_id!r} in {params['uri']}")
        return problem
    pid = _str(params, "id", name)
    assert pid is not None
    problem = ls.bank.problems.get(pid)
    if problem is None:
        raise JsonRpcInvalidParams(f"{name}: unknown problem {pid!r} ({len(ls.bank.problems)} problems; see mlkata.listProblems)")
    return problem


def _uri(params: dict[str, Any], name: str) -> str:
    """The ``uri`` argument, or one built from a ``path`` argument."""
    if params.get("uri") is None and isinstance(params.get("path"), str):
        return from_fs_path(str(Path(params["path"]).expanduser().resolve())) or params["path"]
    uri = _str(params, "uri", name)
    assert uri is not None
    return uri


def _text(ls: MlKataServer, params: dict[str, Any], name: str) -> str:
    uri = _uri(params, name)
    try:
        return ls.document(uri).source
    except FileNotFoundError:
        raise JsonRpcInvalidParams(f"{name}: {uri} does not exist") from None
    except UnicodeDecodeError as exc:
        raise JsonRpcInvalidParams(f"{name}: {uri} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise JsonRpcInvalidParams(f"{name}: cannot read {uri}: {exc.strerror}") from None


def _problem_json(ls: MlKataServer, p: Problem, stats: dict[str, Any]) -> dict[str, Any]:
    s = stats.get(p.id, {})
    return {
        "id": p.id,
        "title": p.title,
        "difficulty": p.difficulty,
        "topics": list(p.topics),
        "area": p.area,
        "kind": p.kind,
        "suggestedMinutes": p.suggested_minutes,
        "tests": len(p.test_names),
        "testNames": list(p.test_names),
        "hints": len(p.hints),
        "solved": bool(s.get("solved")),
        "bestSeconds": s.get("bestSeconds"),
        "runs": s.get("runs", 0),
        "lastVerdict": s.get("lastVerdict"),
        "statementPath": str(p.path / "statement.md"),
    }


def _stats(ls: MlKataServer) -> dict[str, Any]:
    return ls.record("progress", ls.store.problem_stats) or {}


@command("mlkata.listProblems")
def list_problems(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Every problem with its metadata and the user's progress; plus problems that failed to load."""
    stats = _stats(ls)
    return {
        "problems": [_problem_json(ls, p, stats) for p in ls.bank.problems.values()],
        "errors": [str(e) for e in ls.bank.errors],
        "interviews": [
            {
                "id": i.id,
                "title": i.title,
                "models": i.models,
                "rounds": [{"problem": r.problem, "minutes": r.minutes} for r in i.rounds],
            }
            for i in ls.interviews.values()
        ],
    }


@command("mlkata.showStatement")
def show_statement(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """A problem's statement (Markdown) and where its file is."""
    p = _problem(ls, params, "mlkata.showStatement")
    path = p.path / "statement.md"
    return {
        "id": p.id,
        "title": p.title,
        "markdown": p.statement,
        "path": str(path),
        "uri": from_fs_path(str(path)),
    }


@command("mlkata.openProblem")
def open_problem(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Create the solution file from the starter (never overwriting); return it and the statement."""
    p = _problem(ls, params, "mlkata.openProblem")
    folder_arg = _str(params, "folder", "mlkata.openProblem", required=False)
    folder = Path(folder_arg).expanduser() if folder_arg else ls.solutions_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JsonRpcInvalidParams(f"mlkata.openProblem: cannot create the folder {folder}: {exc.strerror}") from None
    path = folder / solution_name(p.id)
    created = False
    n = 1
    while True:
        try:
            create_solution(path, p.id, p.starter)
            created = True
            break
        except FileExistsError:
            if _bound_to(path) == p.id:
                break  # the user's existing solution of this problem: open it, untouched
            n += 1
            path = folder / f"{Path(solution_name(p.id)).stem}_{n}.py"
        except OSError as exc:
            raise JsonRpcInvalidParams(f"mlkata.openProblem: cannot write {path}: {exc.strerror}") from None
    if created:
        ls.record("the start of this problem", lambda: ls.store.record_start(p.id))
    statement = p.path / "statement.md"
    return {
        "id": p.id,
        "path": str(path),
        "uri": from_fs_path(str(path)),
        "created": created,
        "statementPath": str(statement),
        "statementUri": from_fs_path(str(statement)),
    }


def _bound_to(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline()
    except OSError:
        return None
    binding = bind(first)
    return binding.problem_id if binding else None


@command("mlkata.runTests")
async def run_tests(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Judge the file's current text now; returns the per-test results (and publishes diagnostics)."""
    uri = _uri(params, "mlkata.runTests")
    problem = _problem(ls, {"uri": uri}, "mlkata.runTests")
    report = await ls.runs.latest(uri)
    if report is None:
        raise JsonRpcInvalidParams(f"mlkata.runTests: the run of {uri} did not finish (file closed or judge error)")
    data = report.to_json()
    data["title"] = problem.title
    data["uri"] = uri
    return data


@command("mlkata.nextHint")
def next_hint(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Reveal the next hint of a problem; returns every hint revealed so far."""
    p = _problem(ls, params, "mlkata.nextHint")
    taken = ls.record("hints", lambda: ls.store.hints_taken(p.id)) or 0
    exhausted = taken >= len(p.hints)
    locked = None if exhausted else _hint_lock(ls, p.id, taken)
    if locked is not None:
        shown = p.hints[:taken]
        return {
            "id": p.id,
            "index": taken,
            "total": len(p.hints),
            "exhausted": False,
            "locked": locked,
            "hint": None,
            "revealed": [{"title": h.title, "text": h.text} for h in shown],
        }
    if not exhausted:
        ls.record("this hint", lambda: ls.store.record_hint(p.id, taken, ls.mock.id if ls.mock else None))
        if ls.mock is not None:
            ls.mock.record_hint(p.id)
            mock = ls.mock
            ls.record("the mock interview", lambda: ls._save_mock(mock))
        taken += 1
    shown = p.hints[:taken]
    ls.refresh_lenses()
    return {
        "id": p.id,
        "index": taken,
        "total": len(p.hints),
        "exhausted": exhausted,
        "hint": {"title": shown[-1].title, "text": shown[-1].text} if shown else None,
        "revealed": [{"title": h.title, "text": h.text} for h in shown],
    }


def _hint_lock(ls: MlKataServer, problem: str, taken: int) -> str | None:
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


@command("mlkata.followups")
def followups(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """The follow-up questions and model answers, and the reference solution: after a pass or give-up."""
    p = _problem(ls, params, "mlkata.followups")
    give_up = params.get("giveUp", False)
    if not isinstance(give_up, bool):
        raise JsonRpcInvalidParams(f"mlkata.followups: argument 'giveUp' must be true or false, got {give_up!r}")
    if ls.mock is not None and not ls.mock.finished and (ls.mock.current() or {}).get("problem") == p.id:
        raise JsonRpcInvalidParams("mlkata.followups: not during the mock round on this problem; submit the round first")
    unlocked = ls.record("progress", lambda: ls.store.unlocked(p.id))
    if not unlocked and not give_up:
        raise JsonRpcInvalidParams(
            f'mlkata.followups: solve {p.id} first (every hidden test passing), or give up with {{"giveUp": true}}'
        )
    if not unlocked:
        ls.record("the give-up", lambda: ls.store.record_giveup(p.id))
    return {
        "id": p.id,
        "title": p.title,
        "followups": [{"question": f.question, "answer": f.answer} for f in p.followups],
        "solution": p.solution,
    }


@command("mlkata.resetProblem")
def reset_problem(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Back up the solution file (and unsaved editor text), then write the starter again."""
    uri = _uri(params, "mlkata.resetProblem")
    p = _problem(ls, {"uri": uri}, "mlkata.resetProblem")
    fs_path = to_fs_path(uri)
    if not fs_path:
        raise JsonRpcInvalidParams(f"mlkata.resetProblem: {uri} is not a file on disk")
    path = Path(fs_path)
    backups = []
    try:
        if path.exists():
            backups.append(copy_to_backup(path))
        if ls.is_open(uri):
            unsaved = ls.document(uri).source
            on_disk = path.read_text(encoding="utf-8", errors="surrogateescape") if path.exists() else None
            if unsaved != on_disk:
                backups.append(copy_to_backup(path, unsaved))
        fresh = path.with_name(f".{path.name}.mlkata-reset")
        with contextlib.suppress(FileNotFoundError):
            fresh.unlink()
        create_solution(fresh, p.id, p.starter)
        fresh.replace(path)
    except OSError as exc:
        raise JsonRpcInvalidParams(f"mlkata.resetProblem: cannot reset {path}: {exc.strerror}; nothing was changed") from None
    ls.record("the restart of this problem", lambda: ls.store.record_start(p.id))
    text = path.read_text(encoding="utf-8")
    if ls.is_open(uri):
        _replace_text(ls, uri, text, "ML Kata: reset problem")
    return {"id": p.id, "path": str(path), "uri": uri, "backups": [str(b) for b in backups]}


def _replace_text(ls: MlKataServer, uri: str, text: str, label: str) -> None:
    """Ask the client to replace an open document's whole text (one undoable edit)."""
    end = types.Position(line=len(ls.document(uri).lines), character=0)
    edit = types.WorkspaceEdit(
        changes={uri: [types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=text)]}
    )
    ls.workspace_apply_edit(types.ApplyWorkspaceEditParams(edit=edit, label=label))


@command("mlkata.listAttempts")
def list_attempts(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Every distinct text judged (or kept before a restore) for a problem, newest first."""
    p = _problem(ls, params, "mlkata.listAttempts")
    attempts = ls.record("the attempts", lambda: ls.store.attempts(p.id)) or []
    return {"id": p.id, "title": p.title, "attempts": attempts}


@command("mlkata.attemptText")
def attempt_text(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """The exact text of one attempt, by its hash."""
    digest = _str(params, "hash", "mlkata.attemptText")
    text = ls.record("the attempt", lambda: ls.store.source(digest or ""))
    if text is None:
        raise JsonRpcInvalidParams(f"mlkata.attemptText: no attempt {digest!r} in the progress database")
    return {"hash": digest, "text": text}


@command("mlkata.restoreAttempt")
def restore_attempt(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Replace an open document's text by an attempt's; the current text is kept as an attempt first."""
    uri = _uri(params, "mlkata.restoreAttempt")
    p = _problem(ls, {"uri": uri}, "mlkata.restoreAttempt")
    digest = _str(params, "hash", "mlkata.restoreAttempt") or ""
    text = ls.store.source(digest)
    if text is None:
        raise JsonRpcInvalidParams(f"mlkata.restoreAttempt: no attempt {digest!r} in the progress database")
    if not ls.is_open(uri):
        raise JsonRpcInvalidParams(f"mlkata.restoreAttempt: {uri} is not open in the editor")
    doc = ls.document(uri)
    try:
        kept = ls.store.record_snapshot(p.id, doc.source)
    except StoreError as exc:
        raise JsonRpcInvalidParams(
            f"mlkata.restoreAttempt: the current text could not be kept ({exc}); nothing was changed"
        ) from None
    _replace_text(ls, uri, text, "ML Kata: restore attempt")
    return {"id": p.id, "uri": uri, "restored": digest, "kept": kept}


@command("mlkata.debugCase")
async def debug_case(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Write the script that reruns one hidden test on the file (``uri``, ``test``); returns its path.

    The client then runs it under the Python debugger, or in a terminal.
    """
    from mlkata.judge.engine import write_repro
    from mlkata.judge.repro import ReproError
    from mlkata.judge.runner import JudgeError

    uri = _uri(params, "mlkata.debugCase")
    p = _problem(ls, {"uri": uri}, "mlkata.debugCase")
    test = _str(params, "test", "mlkata.debugCase") or ""
    path = to_fs_path(uri)
    if path is None or not Path(path).is_file():
        raise JsonRpcInvalidParams(f"mlkata.debugCase: {uri} is not a file on disk (save it first)")
    try:
        script = await write_repro(p, test, Path(path), ls.options)
    except (ReproError, JudgeError) as exc:
        raise JsonRpcInvalidParams(f"mlkata.debugCase: {exc}") from None
    except OSError as exc:
        raise JsonRpcInvalidParams(f"mlkata.debugCase: cannot write the script: {exc}") from None
    return {"id": p.id, "uri": uri, "test": test, "path": str(script), "python": ls.options.python}


DEBUG_ACTIONS = 5
"""At most this many "Debug <test>" actions per diagnostic."""


def code_actions(ls: MlKataServer, uri: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """A "Debug <test>" action for each failing test named by one of our diagnostics."""
    actions = []
    for diag in diagnostics:
        data = diag.data if isinstance(diag.data, dict) else {}
        if diag.source != "mlkata" or data.get("verdict") in (None, "syntax_error", "forbidden_api"):
            continue
        for test in list(data.get("tests") or [])[:DEBUG_ACTIONS]:
            title = f"Debug {test} (ML Kata: rerun this case in a script)"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title=title, command="mlkata.debugCase", arguments=[{"uri": uri, "test": test}]),
                )
            )
    return actions


def backup_path(path: Path) -> Path:
    """A new, unused backup name for path in ``.mlkata-backups`` beside it."""
    folder = path.parent / ".mlkata-backups"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        candidate = folder / f"{path.stem}.{stamp}{f'-{n}' if n else ''}{path.suffix}"
        if not candidate.exists():
            return candidate
        n += 1


def copy_to_backup(path: Path, text: str | None = None) -> Path:
    """Save path's content (or text) to a new backup file and return its path."""
    target = backup_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        shutil.copy2(path, target)
    else:
        with open(target, "x", encoding="utf-8", newline="") as f:
            f.write(text)
    return target


@command("mlkata.progress")
def progress(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Solved counts by difficulty and topic, streak, recent runs, best times, totals."""
    stats = _stats(ls)
    by_difficulty: dict[str, dict[str, int]] = {}
    by_topic: dict[str, dict[str, int]] = {}
    for p in ls.bank.problems.values():
        solved = int(bool(stats.get(p.id, {}).get("solved")))
        for table, key in [(by_difficulty, p.difficulty)] + [(by_topic, t) for t in p.topics]:
            entry = table.setdefault(key, {"solved": 0, "total": 0})
            entry["solved"] += solved
            entry["total"] += 1
    best = sorted(
        ({"id": pid, "seconds": s["bestSeconds"]} for pid, s in stats.items() if s.get("bestSeconds") is not None),
        key=lambda b: b["id"],
    )
    days = ls.record("progress", ls.store.run_days) or []
    return {
        "solved": sum(1 for p in ls.bank.problems if stats.get(p, {}).get("solved")),
        "total": len(ls.bank.problems),
        "byDifficulty": by_difficulty,
        "byTopic": dict(sorted(by_topic.items())),
        "streakDays": streak(days, datetime.date.today()),
        "recentRuns": ls.record("progress", ls.store.recent_runs) or [],
        "bestTimes": best,
        "counts": ls.record("progress", ls.store.counts) or {},
        "database": str(ls.store.path) if ls.store.path else None,
    }


def streak(days: list[str], today: datetime.date) -> int:
    """Consecutive days with a run, ending today (or yesterday, if nothing yet today)."""
    have = {datetime.date.fromisoformat(d) for d in days}
    day = today if today in have else today - datetime.timedelta(days=1)
    n = 0
    while day in have:
        n += 1
        day -= datetime.timedelta(days=1)
    return n


@command("mlkata.startMock")
def start_mock(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Start a mock interview: its first round's clock starts now and its file is created."""
    name = _str(params, "interview", "mlkata.startMock")
    assert name is not None
    interview = ls.interviews.get(name)
    if interview is None:
        known = ", ".join(ls.interviews) or "none"
        raise JsonRpcInvalidParams(f"mlkata.startMock: unknown interview {name!r} (known: {known})")
    scale = params.get("timeScale", 1.0)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 < scale <= 10:
        raise JsonRpcInvalidParams(f"mlkata.startMock: argument 'timeScale' must be a number in (0, 10], got {scale!r}")
    if ls.mock is not None and not ls.mock.finished:
        raise JsonRpcInvalidParams(
            f"mlkata.startMock: the mock interview {ls.mock.state['title']!r} is still running; submit or abandon it first"
        )
    ls.mock = MockSession.start(interview, ls.bank, time.time(), float(scale))
    event = ls._after_mock_change(ls.mock, [], "start")
    return event["status"]


@command("mlkata.mockStatus")
def mock_status(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """The running mock interview (round, time left by the server's clock), or ``active: false``."""
    if ls.mock is None:
        return {"active": False, "now": time.time()}
    status = ls.mock.status(time.time())
    if ls.mock.finished:
        status["report"] = ls.mock.report()
    return status


@command("mlkata.submitRound")
async def submit_round(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """Judge the open round's latest text, close the round and start the next one."""
    return await ls.close_mock_round("submit")


@command("mlkata.abandonMock")
def abandon_mock(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """End the running mock interview now; returns its report."""
    mock = ls.mock
    if mock is None or mock.finished:
        raise JsonRpcInvalidParams("mlkata.abandonMock: no mock interview is running")
    closed = [mock.current_index or 0]
    mock.abandon(time.time())
    event = ls._after_mock_change(mock, closed, "abandoned")
    return dict(event["report"])


@command("mlkata.mockReport")
def mock_report(ls: MlKataServer, params: dict[str, Any]) -> dict[str, Any]:
    """The report of a mock interview by ``id`` (default: the latest one of this server)."""
    mock_id = _str(params, "id", "mlkata.mockReport", required=False)
    if mock_id is None:
        if ls.mock is None:
            raise JsonRpcInvalidParams('mlkata.mockReport: no mock interview yet; pass {"id": ...}')
        return ls.mock.report()
    state = ls.record("the mock interview", lambda: ls.store.mock(mock_id))
    if state is None:
        raise JsonRpcInvalidParams(f"mlkata.mockReport: no mock interview {mock_id!r}")
    return MockSession(state).report()


# -- code lens and hover ----------------------------------------------------------------------


def code_lenses(ls: MlKataServer, uri: str) -> list[types.CodeLens]:
    """Above the entry point: run the hidden tests (with the last score), next hint, statement."""
    try:
        text = ls.document(uri).source
    except (OSError, UnicodeDecodeError):
        return []
    _, p = ls.problem_of(text)
    if p is None:
        return []
    where = locate.definition(text, p.entry_point)
    line = where.line - 1 if where else 0
    rng = types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))
    report = ls.reports.get(uri)
    score = f" ({report.passed}/{report.total} passed)" if report is not None and report.problem == p.id else ""
    taken = ls.record("hints", lambda: ls.store.hints_taken(p.id)) or 0
    hint_title = f"Next hint ({min(taken + 1, len(p.hints))}/{len(p.hints)})" if taken < len(p.hints) else "Hints (all shown)"
    lenses = [
        types.CodeLens(
            range=rng,
            command=types.Command(title=f"Run hidden tests{score}", command="mlkata.runTests", arguments=[{"uri": uri}]),
        ),
        types.CodeLens(range=rng, command=types.Command(title=hint_title, command="mlkata.nextHint", arguments=[{"id": p.id}])),
        types.CodeLens(
            range=rng, command=types.Command(title="Show statement", command="mlkata.showStatement", arguments=[{"id": p.id}])
        ),
    ]
    mock = ls.mock
    current = mock.current() if mock is not None else None
    if mock is not None and current is not None and current["problem"] == p.id:
        left = int(mock.remaining(time.time()))
        title = f"Mock round {mock.current_index + 1 if mock.current_index is not None else 0}/{len(mock.state['rounds'])}: {left // 60}:{left % 60:02d} left, submit round"
        lenses.insert(
            0, types.CodeLens(range=rng, command=types.Command(title=title, command="mlkata.submitRound", arguments=[{}]))
        )
    return lenses


def hover(ls: MlKataServer, uri: str, position: types.Position) -> types.Hover | None:
    """The statement, when hovering the entry point's name or the marker line."""
    try:
        text = ls.document(uri).source
    except (OSError, UnicodeDecodeError):
        return None
    _, p = ls.problem_of(text)
    if p is None:
        return None
    where = locate.definition(text, p.entry_point)
    on_marker = position.line == 0
    on_entry = where is not None and position.line == where.line - 1
    if not (on_marker or on_entry):
        return None
    meta = f"*{p.difficulty} · {', '.join(p.topics)} · {p.suggested_minutes} min · {len(p.test_names)} hidden tests*"
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=f"{meta}\n\n{p.statement}"),
    )
