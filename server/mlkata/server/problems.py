"""Commands about the bank: list the problems, show a statement, open (create) a solution file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path

from mlkata import i18n
from mlkata.bank import Problem
from mlkata.bank.model import AREAS
from mlkata.binding import bound_to, create_solution, solution_name
from mlkata.i18n import t
from mlkata.server.params import NoParams, OpenProblem, ProblemRef, problem_of, register
from mlkata.server.protocol import Commands
from mlkata.server.state import MlKataServer

# ML Kata's folder beside the solutions (debug scripts go there too): the client's `PRACTICE_MARKER`.
PRACTICE_MARKER = ".mlkata"


def statement(p: Problem) -> tuple[str, Path]:
    """The statement people read and its file: its translation in the display language when one exists
    (``statement.zh-cn.md``, :func:`mlkata.i18n.translated`), else ``statement.md``."""
    original = p.path / "statement.md"
    path = i18n.translated(original)
    if path == original:
        return p.statement, original
    try:
        return path.read_text(encoding="utf-8"), path
    except (OSError, UnicodeDecodeError):
        return p.statement, original


def area_title(area: str) -> str:
    """A catalogue section's title (``AREAS``) in the user's language."""
    titles = {
        "transformers": t("area.transformers"),
        "training": t("area.training"),
        "multimodal": t("area.multimodal"),
        "fine-tuning": t("area.fineTuning"),
        "alignment": t("area.alignment"),
        "decoding": t("area.decoding"),
        "retrieval": t("area.retrieval"),
        "systems": t("area.systems"),
        "algorithms": t("area.algorithms"),
    }
    return titles.get(area, AREAS[area])


def problem_json(p: Problem, stats: dict[str, Any]) -> dict[str, Any]:
    """A problem's metadata and the user's progress on it, as the client's lists show them."""
    s = stats.get(p.id, {})
    return {
        "id": p.id,
        "title": p.title,
        "difficulty": p.difficulty,
        "topics": list(p.topics),
        "area": p.area,
        "areaTitle": area_title(p.area),
        "areaRank": list(AREAS).index(p.area),
        "kind": p.kind,
        "suggestedMinutes": p.suggested_minutes,
        "tests": len(p.test_names),
        "testNames": list(p.test_names),
        "hints": len(p.hints),
        "solved": bool(s.get("solved")),
        "bestSeconds": s.get("bestSeconds"),
        "runs": s.get("runs", 0),
        "lastVerdict": s.get("lastVerdict"),
        "statementPath": str(i18n.translated(p.path / "statement.md")),
    }


def list_problems(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
    """Every problem with its metadata and the user's progress; plus problems that failed to load."""
    stats = ls.record("progress", ls.store.problem_stats) or {}
    return {
        "problems": [problem_json(p, stats) for p in ls.bank.problems.values()],
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


def show_statement(ls: MlKataServer, params: ProblemRef) -> dict[str, Any]:
    """A problem's statement (Markdown) and where its file is."""
    p = problem_of(ls, params, Commands.SHOW_STATEMENT)
    markdown, path = statement(p)
    return {"id": p.id, "title": p.title, "markdown": markdown, "path": str(path), "uri": from_fs_path(str(path))}


def open_problem(ls: MlKataServer, params: OpenProblem) -> dict[str, Any]:
    """Create the solution file from the starter (never overwriting); return it and the statement."""
    name = Commands.OPEN_PROBLEM
    p = problem_of(ls, params, name)
    folder = Path(params.folder).expanduser() if params.folder else ls.solutions_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Marks a practice folder: the editor extension activates on it (`workspaceContains:.mlkata`).
        (folder / PRACTICE_MARKER).mkdir(exist_ok=True)
    except OSError as exc:
        raise JsonRpcInvalidParams(t("command.cannotCreateFolder", command=name, folder=folder, error=exc.strerror)) from None
    path, created = _solution_file(folder, p)
    if created:
        ls.record("the start of this problem", lambda: ls.store.record_start(p.id))
    shown = i18n.translated(p.path / "statement.md")
    return {
        "id": p.id,
        "path": str(path),
        "uri": from_fs_path(str(path)),
        "created": created,
        "statementPath": str(shown),
        "statementUri": from_fs_path(str(shown)),
    }


def _solution_file(folder: Path, p: Problem) -> tuple[Path, bool]:
    """The user's file of this problem in folder (created from the starter unless it exists)."""
    path = folder / solution_name(p.id)
    n = 1
    while True:
        try:
            create_solution(path, p.id, p.starter)
            return path, True
        except FileExistsError:
            if bound_to(path) == p.id:
                return path, False  # the user's existing solution of this problem: open it, untouched
            n += 1
            path = folder / f"{Path(solution_name(p.id)).stem}_{n}.py"
        except OSError as exc:
            message = t("command.cannotWrite", command=Commands.OPEN_PROBLEM, path=path, error=exc.strerror)
            raise JsonRpcInvalidParams(message) from None


def setup(server: MlKataServer) -> None:
    """Register the bank's commands."""
    register(
        server,
        {Commands.LIST_PROBLEMS: list_problems, Commands.SHOW_STATEMENT: show_statement, Commands.OPEN_PROBLEM: open_problem},
    )
