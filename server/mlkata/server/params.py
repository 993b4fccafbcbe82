"""Typed arguments of the ``workspace/executeCommand`` handlers, and their registration.

Every command takes one JSON object (``{"id": "layer-norm"}``; a bare string is read as an id, or
as a uri when it contains ``://``). Its fields are structured by cattrs into the attrs class the
handler's ``params`` annotation names; a missing or ill-typed field is answered with an LSP
``InvalidParams`` error naming the command, the argument, what it must be and what it got.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NewType

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path

from mlkata.i18n import t

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.server.state import MlKataServer

Grade = NewType("Grade", str)
"""A self-grade: again, hard, good or easy."""
GRADES = ("again", "hard", "good", "easy")
Score = NewType("Score", int)
"""A self-rating: an integer from 1 to 5."""
Choice = NewType("Choice", int)
"""A 1-based position in a list the server offered."""
TimeScale = NewType("TimeScale", float)
"""A mock interview's clock speed: a number in (0, 10]."""

_EXPECTED: dict[Any, str] = {
    str: "must be a non-empty string",
    bool: "must be true or false",
    TimeScale: "must be a number in (0, 10]",
    Grade: f"must be one of {', '.join(GRADES)}",
    Score: "must be an integer from 1 to 5",
    Choice: "must be a positive integer",
    list[str]: "must be a non-empty list of hidden test names",
}


class _Bad(ValueError):
    """A field's value is not what its type requires (the message says what it got)."""


def _got(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"


def _text(value: Any, _: Any) -> str:
    if not isinstance(value, str) or not value:
        raise _Bad(f"got {_got(value)}")
    return value


def _flag(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"got {value!r}")
    return value


def _time_scale(value: Any, _: Any) -> TimeScale:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 10:
        raise _Bad(f"got {value!r}")
    return TimeScale(float(value))


def _grade(value: Any, _: Any) -> Grade:
    if value not in GRADES:
        raise _Bad(f"got {value!r}")
    return Grade(value)


def _score(value: Any, _: Any) -> Score:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise _Bad(f"got {value!r}")
    return Score(value)


def _choice(value: Any, _: Any) -> Choice:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"got {value!r}")
    return Choice(value)


def _optional_text(value: Any, _: Any) -> str | None:
    return None if value is None else _text(value, str)


def _optional_names(value: Any, _: Any) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise _Bad(f"got {value!r}")
    return list(value)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


converter = cattrs.Converter(detailed_validation=True)
converter.register_structure_hook(str, _text)
converter.register_structure_hook(bool, _flag)
converter.register_structure_hook(TimeScale, _time_scale)
converter.register_structure_hook(Grade, _grade)
converter.register_structure_hook(Score, _score)
converter.register_structure_hook(Choice, _choice)
converter.register_structure_hook(Choice | None, lambda v, _: None if v is None else _choice(v, Choice))
converter.register_structure_hook(str | None, _optional_text)
converter.register_structure_hook(list[str] | None, _optional_names)


def _camel_case_keys(cls: type[Any]) -> Any:
    renames: dict[str, Any] = {a.name: override(rename=_camel(a.name)) for a in attrs.fields(cls) if "_" in a.name}
    return make_dict_structure_fn(cls, converter, **renames)


converter.register_structure_hook_factory(attrs.has, _camel_case_keys)


# -- the arguments of each command ----------------------------------------------------------------


@attrs.frozen
class NoParams:
    """A command without arguments (any object is accepted)."""


@attrs.frozen
class FileRef:
    """A file: ``uri``, or ``path`` on disk."""

    uri: str | None = None
    path: str | None = None


@attrs.frozen
class ProblemRef(FileRef):
    """A problem: by ``id``, or the one the file at ``uri``/``path`` is bound to."""

    id: str | None = None


@attrs.frozen
class OpenProblem(ProblemRef):
    folder: str | None = None
    """Where to create the solution file (default: the solutions folder)."""


@attrs.frozen
class Followups(ProblemRef):
    give_up: bool = False
    """Show them although the problem is not solved (recorded as a give-up)."""


@attrs.frozen
class AttemptRef:
    hash: str | None = None


@attrs.frozen
class Restore(FileRef):
    hash: str | None = None


@attrs.frozen
class DebugCase(FileRef):
    test: str | None = None


@attrs.frozen
class RunTests(FileRef):
    tests: list[str] | None = None
    """Run only these hidden tests (a re-run of some of them, from the Testing view); none: all of them."""


@attrs.frozen
class StartMock:
    interview: str | None = None
    time_scale: TimeScale = TimeScale(1.0)


@attrs.frozen
class MockRef:
    id: str | None = None


@attrs.frozen
class AskInterviewer:
    question: Choice | None = None
    """Which of the offered clarifying questions (1-based); none: the list."""


@attrs.frozen
class RateInterview:
    """The candidate's own rating of a mock interview, each 1 (poor) to 5 (strong)."""

    communication: Score
    correctness: Score
    complexity: Score
    testing: Score


@attrs.frozen
class ReviewNext:
    folder: str | None = None
    """Where the answer file goes (default: ``mlkata-review`` in the solutions folder)."""


@attrs.frozen
class CardRef(FileRef):
    """A card: its answer file (``uri``/``path``), or its ``id``."""

    id: str | None = None


@attrs.frozen
class GradeCard(CardRef):
    grade: Grade | None = None


def _object(name: str, args: tuple[Any, ...]) -> Mapping[str, Any]:
    if not args:
        return {}
    if len(args) == 1 and isinstance(args[0], dict):
        return args[0]
    if len(args) == 1 and isinstance(args[0], str):
        return {"uri": args[0]} if "://" in args[0] else {"id": args[0]}
    raise JsonRpcInvalidParams(f'{name}: expected one object argument such as {{"id": "layer-norm"}}, got {list(args)!r}')


def structure(name: str, args: tuple[Any, ...], cls: type[Any]) -> Any:
    """The command's arguments as an instance of cls; InvalidParams naming the first bad one."""
    raw = _object(name, args)
    try:
        return converter.structure(raw, cls)
    except cattrs.ClassValidationError as exc:
        problems = _field_errors(cls, exc)
        raise JsonRpcInvalidParams(f"{name}: {problems[0] if problems else exc}") from None


def _field_errors(cls: type[Any], exc: cattrs.ClassValidationError) -> list[str]:
    hints = typing.get_type_hints(cls)

    def describe(error: BaseException, _: Any) -> str:
        return "got nothing" if isinstance(error, KeyError) else str(error)

    out = []
    for line in cattrs.transform_error(exc, path="", format_exception=describe):
        message, _, where = line.rpartition(" @ ")
        field = where.lstrip(".")
        kind = hints.get(field)
        if typing.get_origin(kind) in (typing.Union, types.UnionType):
            kind = next(a for a in typing.get_args(kind) if a is not type(None))
        expected = _EXPECTED.get(kind, "is not valid")
        out.append(f"argument '{_camel(field)}' {expected}, {message}")
    return out


# -- what the arguments name ----------------------------------------------------------------------


def uri_of(params: FileRef, name: str) -> str:
    """The ``uri`` argument, or one built from a ``path`` argument."""
    if params.uri is None and params.path is not None:
        return from_fs_path(str(Path(params.path).expanduser().resolve())) or params.path
    if params.uri is None:
        raise JsonRpcInvalidParams(t("command.missingArgument", command=name, name="uri"))
    return params.uri


def text_of(ls: MlKataServer, uri: str, name: str) -> str:
    """The text of the document at uri (the editor's, else the file's)."""
    try:
        return ls.document(uri).source
    except FileNotFoundError:
        raise JsonRpcInvalidParams(t("command.fileMissing", command=name, uri=uri)) from None
    except UnicodeDecodeError as exc:
        raise JsonRpcInvalidParams(t("command.notUtf8", command=name, uri=uri, byte=exc.start)) from None
    except OSError as exc:
        raise JsonRpcInvalidParams(t("command.cannotRead", command=name, uri=uri, error=exc.strerror)) from None


def problem_of(ls: MlKataServer, params: ProblemRef | FileRef, name: str) -> Problem:
    """The problem named by ``id``, or bound by the file at ``uri``/``path``."""
    pid = getattr(params, "id", None)
    if pid is None and (params.uri is not None or params.path is not None):
        uri = uri_of(params, name)
        binding, problem = ls.problem_of(text_of(ls, uri, name))
        if binding is None:
            raise JsonRpcInvalidParams(t("command.notBound", command=name, uri=uri))
        if problem is None:
            raise JsonRpcInvalidParams(t("command.unknownProblemIn", command=name, id=repr(binding.problem_id), uri=uri))
        return problem
    if pid is None:
        raise JsonRpcInvalidParams(t("command.missingArgument", command=name, name="id"))
    problem = ls.bank.problems.get(pid)
    if problem is None:
        raise JsonRpcInvalidParams(t("command.unknownProblem", command=name, id=repr(pid), n=len(ls.bank.problems)))
    return problem


# -- registration ---------------------------------------------------------------------------------

Handler = Callable[[Any, Any], Any]


def register(server: MlKataServer, handlers: Mapping[str, Handler]) -> None:
    """Register each ``handler(server, params)`` under its command name, its params structured first."""
    for name, fn in handlers.items():
        server.command(name)(_wrap(name, fn))


def _wrap(name: str, fn: Handler) -> Callable[..., Any]:
    cls = typing.get_type_hints(fn)["params"]

    async def handler(ls: Any, *args: Any) -> Any:  # pygls passes *args through unstructured
        result = fn(ls, structure(name, args, cls))
        if inspect.isawaitable(result):
            result = await result
        return result

    handler.__doc__ = fn.__doc__
    handler.__name__ = re.sub(r"\W", "_", name)
    return handler
