"""Every mutant of a reference solution, with stable ids, duplicates removed; and a deterministic sample."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator

from mlkata.mutation import classic_ops, ml_ops
from mlkata.mutation.source import Code, Edit, Mutant

Operator = Callable[[Code], Iterator[Edit]]

OPERATORS: tuple[Operator, ...] = (*ml_ops.OPERATORS, *classic_ops.OPERATORS)
"""In priority order: when two operators make the same text, the mutant keeps the first one's name."""
OPERATOR_NAMES = tuple(op.__name__.replace("_", "-") for op in OPERATORS)
"""The operators' names, as mutant ids start (``off_by_one`` is ``off-by-one``)."""
DEFAULT_CAP = 120
"""Mutants judged per problem at most (a deterministic sample, spread over the operators, beyond it)."""


def edits(code: Code, operators: tuple[Operator, ...] = OPERATORS) -> list[Edit]:
    """Every edit the operators make, in operator order."""
    return [edit for operator in operators for edit in operator(code)]


def generate(text: str, operators: tuple[Operator, ...] = OPERATORS) -> list[Mutant]:
    """The mutants of a solution's text, by line; none is the reference itself or another's duplicate.

    Raises SyntaxError when the text does not parse.
    """
    code = Code(text)
    found = edits(code, operators)
    groups: dict[tuple[str, str], list[Edit]] = defaultdict(list)
    for edit in found:
        groups[(edit.operator, edit.key)].append(edit)
    occurrence = {id(e): i for group in groups.values() for i, e in enumerate(sorted(group, key=lambda e: (e.start, e.end)))}
    seen = {text}
    mutants = []
    for edit in found:
        mutant = code.mutant(edit, occurrence[id(edit)])
        if mutant.source not in seen:
            seen.add(mutant.source)
            mutants.append(mutant)
    rank = {name: i for i, name in enumerate(OPERATOR_NAMES)}
    return sorted(mutants, key=lambda m: (m.line, rank.get(m.operator, len(rank))))


def sample(mutants: list[Mutant], cap: int) -> list[Mutant]:
    """At most ``cap`` mutants: every operator's in turn, each operator's ordered by a hash of their ids,
    so the same reference always gives the same sample and no operator crowds out the others."""
    if len(mutants) <= cap:
        return list(mutants)
    by_operator: dict[str, list[Mutant]] = defaultdict(list)
    for m in sorted(mutants, key=lambda m: hashlib.sha1(m.id.encode()).hexdigest()):
        by_operator[m.operator].append(m)
    queues = [by_operator[name] for name in sorted(by_operator)]
    chosen: set[str] = set()
    while len(chosen) < cap:
        for queue in queues:
            if queue and len(chosen) < cap:
                chosen.add(queue.pop(0).id)
    return [m for m in mutants if m.id in chosen]
