"""The review queue on the language server: concept cards answered in the editor, problems due again.

**Review** (``mlkata.reviewNext``) takes the next due item: a card opens as a Markdown answer file
(its first line binds it: ``<!-- mlkata-card: <id> -->``), a problem is opened as usual by the
client. **Reveal** (``mlkata.revealCard``, and a code lens) keeps the written answer and returns the
model answer with the key points the answer seems to mention; the user then grades themselves
(``mlkata.gradeCard``). A solved or given-up problem is graded from what happened; a named mistake
makes the problem's linked cards due. After every change the client is told the new due count
(``mlkata/reviewChanged``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import fsrs
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path

from mlkata.bank import Problem
from mlkata.bank.cards import Card, reveal
from mlkata.i18n import t
from mlkata.review import RATINGS, ReviewQueue
from mlkata.server.backups import copy_to_backup
from mlkata.server.params import CardRef, GradeCard, NoParams, ReviewNext, register, text_of, uri_of
from mlkata.server.protocol import Commands, Notifications
from mlkata.server.state import MlKataServer

CARD_MARKER = "<!-- mlkata-card: {id} -->"
CARD_MARKER_RE = re.compile(r"^\ufeff?<!--\s*mlkata-card:\s*([a-z0-9-]+)\s*-->\s*$")
RULE = "---"
"""The line after which the user's answer starts."""
FOLDER = "mlkata-review"


def answer_file(card: Card) -> str:
    """A new answer file: the marker, the question, where to write."""
    intro = t("review.answerIntro", topic=card.topic, difficulty=card.difficulty, deck=card.deck)
    return f"{CARD_MARKER.format(id=card.id)}\n# {card.question}\n\n{intro}\n\n{RULE}\n\n"


def _grade_name(grade: str) -> str:
    """A self-grade's name on its lens (again, hard, good, easy)."""
    names = {
        "again": t("review.grade.again"),
        "hard": t("review.grade.hard"),
        "good": t("review.grade.good"),
        "easy": t("review.grade.easy"),
    }
    return names.get(grade, grade.title())


def card_id_of(text: str) -> str | None:
    """The card an answer file is bound to (its first line), else None."""
    match = CARD_MARKER_RE.match(text.split("\n", 1)[0].rstrip("\r"))
    return match[1] if match else None


def answer_of(text: str) -> str:
    """The user's answer: what follows the first ``---`` line (all but the marker and question without one)."""
    lines = text.splitlines()
    if RULE in lines:
        return "\n".join(lines[lines.index(RULE) + 1 :]).strip()
    return "\n".join(line for line in lines[1:] if not line.startswith("# ")).strip()


def status(ls: MlKataServer, now: float) -> dict[str, Any]:
    """How many items are due now, and the first of them."""
    items = ReviewQueue(ls.store).queue(list(ls.cards.cards), now)
    first = items[0].to_json() if items else None
    if first is not None:
        first["title"] = _title(ls, first["kind"], first["id"])
    return {"due": len(items), "next": first}


def _title(ls: MlKataServer, kind: str, item: str) -> str:
    if kind == "card":
        card = ls.cards.cards.get(item)
        return card.question if card else item
    problem = ls.bank.problems.get(item)
    return problem.title if problem else item


def changed(ls: MlKataServer) -> dict[str, Any] | None:
    """Tell the client the queue changed (due count, next item); returns what it was told."""
    now = ls.record("the review queue", lambda: status(ls, time.time()))
    ls.protocol.notify(Notifications.REVIEW_CHANGED, now)
    return now


# -- what other features report ---------------------------------------------------------------------


def after_run(ls: MlKataServer, problem_id: str, report: dict[str, Any]) -> None:
    """A run was recorded: grade the problem if it was just solved; a named mistake makes its cards due.

    The same as a run judged on the command line does (:meth:`mlkata.review.ReviewQueue.after_run`).
    """
    problem = ls.bank.problems.get(problem_id)
    if problem is None:
        return
    queue = ReviewQueue(ls.store)
    if ls.record("the review queue", lambda: queue.after_run(problem, report, lambda: ls.cards.linked(problem_id), time.time())):
        changed(ls)


def grade_solved(ls: MlKataServer, problem_id: str, runs: int, hints: int, seconds: float) -> None:
    """A problem solved in a mock round: graded like a solve (failed runs, hints, time against its minutes)."""
    problem = ls.bank.problems.get(problem_id)
    if problem is not None and _grade_solve(ls, problem, runs, hints, seconds, "mock interview", time.time()):
        changed(ls)


def _grade_solve(
    ls: MlKataServer, problem: Problem, runs: int, hints: int, seconds: float | None, reason: str, at: float
) -> bool:
    """Grade a solved problem from its runs (the last one passed), hints and time; whether it was recorded."""
    queue = ReviewQueue(ls.store)
    return ls.record("the review queue", lambda: queue.grade_solve(problem, runs, hints, seconds, reason, at)) is not None


def grade_card(ls: MlKataServer, card_id: str, rating: fsrs.Rating, answer: str, reason: str) -> None:
    """A card answered elsewhere than in Review (a mock interview's questions): graded with its answer."""
    queue = ReviewQueue(ls.store)
    ls.record("the review queue", lambda: queue.grade("card", card_id, rating, time.time(), reason, answer or None))
    changed(ls)


def after_giveup(ls: MlKataServer, problem_id: str) -> None:
    """A give-up grades the problem Again (:meth:`mlkata.review.ReviewQueue.give_up`)."""
    queue = ReviewQueue(ls.store)
    ls.record("the review queue", lambda: queue.give_up(problem_id, time.time()))
    changed(ls)


# -- commands -------------------------------------------------------------------------------------------


def review_status(ls: MlKataServer, params: NoParams) -> dict[str, Any]:
    """How many items are due, and the next one."""
    return status(ls, time.time())


def review_next(ls: MlKataServer, params: ReviewNext) -> dict[str, Any]:
    """The next due item; a card gets a fresh answer file (an older one is backed up first)."""
    now = time.time()
    item = ReviewQueue(ls.store).next_due(list(ls.cards.cards), now)
    if item is None:
        return {"kind": None, "due": 0}
    if item.kind == "problem":
        return {"kind": "problem", "id": item.id, "title": _title(ls, "problem", item.id)}
    card = ls.cards.cards[item.id]
    folder = Path(params.folder).expanduser() if params.folder else ls.solutions_folder() / FOLDER
    path = folder / f"{card.id}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists():
            copy_to_backup(path)
        path.write_text(answer_file(card), encoding="utf-8")
    except OSError as exc:
        message = t("command.review.cannotWrite", command=Commands.REVIEW_NEXT, path=path, error=exc.strerror)
        raise JsonRpcInvalidParams(message) from None
    return {"kind": "card", "id": card.id, "question": card.question, "path": str(path), "uri": from_fs_path(str(path))}


def _card(ls: MlKataServer, params: CardRef, name: str) -> tuple[Card, str]:
    """The card and the answer written for it (empty when only an id is given)."""
    if params.uri is None and params.path is None:
        if params.id is None:
            raise JsonRpcInvalidParams(t("command.review.passUri", command=name))
        card_id, answer = params.id, ""
    else:
        uri = uri_of(params, name)
        text = text_of(ls, uri, name)
        found = card_id_of(text)
        if found is None:
            raise JsonRpcInvalidParams(t("command.review.notAnswerFile", command=name, uri=uri))
        card_id, answer = found, answer_of(text)
    card = ls.cards.cards.get(card_id)
    if card is None:
        raise JsonRpcInvalidParams(t("command.review.unknownCard", command=name, id=repr(card_id), n=len(ls.cards.cards)))
    return card, answer


def setup(server: MlKataServer) -> None:
    """The review commands, and the Reveal / grade lenses on answer files."""
    revealed: set[str] = set()

    def reveal_card(ls: MlKataServer, params: CardRef) -> dict[str, Any]:
        """Keep the written answer; the model answer and the key points it seems to mention."""
        card, answer = _card(ls, params, Commands.REVEAL_CARD)
        ls.record("your answer", lambda: ReviewQueue(ls.store).record_answer(card.id, answer, time.time()))
        revealed.add(card.id)
        ls.refresh_lenses()
        return reveal(card, answer)

    def grade_card(ls: MlKataServer, params: GradeCard) -> dict[str, Any]:
        """Grade the card (again, hard, good, easy): the next review is scheduled by FSRS."""
        card, answer = _card(ls, params, Commands.GRADE_CARD)
        if params.grade is None:
            raise JsonRpcInvalidParams(
                f"{Commands.GRADE_CARD}: argument 'grade' must be one of again, hard, good, easy, got nothing"
            )
        grade = params.grade
        queue = ReviewQueue(ls.store)
        item = ls.record("this grade", lambda: queue.grade("card", card.id, RATINGS[grade], time.time(), answer=answer or None))
        if item is None:
            raise JsonRpcInvalidParams(t("command.review.notRecorded", command=Commands.GRADE_CARD))
        revealed.discard(card.id)
        now = changed(ls)
        ls.refresh_lenses()
        return {"id": card.id, "grade": grade, "due": item.due, "state": item.state, "status": now}

    def lenses(uri: str, text: str) -> list[types.CodeLens]:
        card_id = card_id_of(text)
        if card_id is None or card_id not in server.cards.cards:
            return []
        top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        if card_id not in revealed:
            show = types.Command(title=t("review.reveal"), command=Commands.REVEAL_CARD, arguments=[{"uri": uri}])
            return [types.CodeLens(range=top, command=show)]
        return [
            types.CodeLens(
                range=top,
                command=types.Command(
                    title=t("review.grade", grade=_grade_name(g)),
                    command=Commands.GRADE_CARD,
                    arguments=[{"uri": uri, "grade": g}],
                ),
            )
            for g in RATINGS
        ]

    server.lens_providers.append(lenses)
    register(
        server,
        {
            Commands.REVIEW_STATUS: review_status,
            Commands.REVIEW_NEXT: review_next,
            Commands.REVEAL_CARD: reveal_card,
            Commands.GRADE_CARD: grade_card,
        },
    )
