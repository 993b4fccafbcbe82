"""Commands over what the user did: attempts (every judged text), restoring one, the progress page."""

from __future__ import annotations

import time
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams

from mlkata.i18n import t
from mlkata.progress import summary
from mlkata.server.params import AttemptRef, NoParams, ProblemRef, Restore, problem_of, register, uri_of
from mlkata.server.protocol import Commands
from mlkata.server.state import MlKataServer
from mlkata.store import StoreError


def list_attempts(ls: MlKataServer, params: ProblemRef) -> dict[str, Any]:
    """Every distinct text judged (or kept before a restore) for a problem, newest first."""
    p = problem_of(ls, params, Commands.LIST_ATTEMPTS)
    attempts = ls.record("the attempts", lambda: ls.store.attempts(p.id)) or []
    return {"id": p.id, "title": p.title, "attempts": attempts}


def _digest(params: AttemptRef | Restore, name: str) -> str:
    if params.hash is None:
        raise JsonRpcInvalidParams(t("command.missingArgument", command=name, name="hash"))
    return params.hash


def attempt_text(ls: MlKataServer, params: AttemptRef) -> dict[str, Any]:
    """The exact text of one attempt, by its hash."""
    digest = _digest(params, Commands.ATTEMPT_TEXT)
    text = ls.record("the attempt", lambda: ls.store.source(digest))
    if text is None:
        raise JsonRpcInvalidParams(t("command.history.noAttempt", command=Commands.ATTEMPT_TEXT, hash=repr(digest)))
    return {"hash": digest, "text": text}


def restore_attempt(ls: MlKataServer, params: Restore) -> dict[str, Any]:
    """Replace an open document's text by an attempt's; the current text is kept as an attempt first."""
    name = Commands.RESTORE_ATTEMPT
    uri = uri_of(params, name)
    p = problem_of(ls, ProblemRef(uri=uri), name)
    digest = _digest(params, name)
    text = ls.store.source(digest)
    if text is None:
        raise JsonRpcInvalidParams(t("command.history.noAttempt", command=name, hash=repr(digest)))
    if not ls.is_open(uri):
        raise JsonRpcInvalidParams(t("command.history.notOpen", command=name, uri=uri))
    try:
        kept = ls.store.record_snapshot(p.id, ls.document(uri).source)
    except StoreError as exc:
        raise JsonRpcInvalidParams(t("command.history.notKept", command=name, error=exc)) from None
    ls.replace_text(uri, text, "ML Kata: restore attempt")
    return {"id": p.id, "uri": uri, "restored": digest, "kept": kept}


def progress(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
    """Solved counts by difficulty, area and topic, streak, recent runs, best times, totals (:func:`mlkata.progress.summary`)."""
    return summary(ls.store, ls.bank, ls.cards.cards, time.time(), ls.record)


def setup(server: MlKataServer) -> None:
    """Register the history commands."""
    register(
        server,
        {
            Commands.LIST_ATTEMPTS: list_attempts,
            Commands.ATTEMPT_TEXT: attempt_text,
            Commands.RESTORE_ATTEMPT: restore_attempt,
            Commands.PROGRESS: progress,
        },
    )
