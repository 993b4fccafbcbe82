"""The trusted side of a run: the job, the limits, and the run process's events.

The run process (the package :mod:`mlkata.judge.child`, speaking
:mod:`~mlkata.judge.child.protocol`) is started and ended by :mod:`mlkata.judge.session`: in its
own session so that the whole process group can be killed; its scratch folder is removed
afterwards, whatever happened.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mlkata.judge.child.protocol import SANDBOX, Event, Mode, Status
from mlkata.judge.options import JudgeError, Options, cache_dir, sandbox_off
from mlkata.judge.session import next_event, session
from mlkata.judge.workers import WarmWorker, warm_workers

__all__ = ["JudgeError", "Options", "WarmWorker", "run_child", "run_outputs", "warm_workers"]
"""Also importable from here: the options and errors (:mod:`~mlkata.judge.options`) and the workers (:mod:`~mlkata.judge.workers`)."""

if TYPE_CHECKING:
    from mlkata.bank import Problem

OUTPUT_BYTES = 1024 * 1024
PER_TEST_SLACK_S = 1.0
# The reference gets more time than a user so a busy machine never fails the bank itself.
REFERENCE_SLACK = 4.0


def limits_for(problem: Problem, options: Options, slack: float = 1.0) -> dict[str, Any]:
    """The limits the judged process applies to each test."""
    scale = options.time_multiplier * slack
    wall = problem.limits.test_time_ms / 1000 * scale
    return {
        "wall_s": wall,
        "cpu_s": wall,
        "total_s": problem.limits.total_time_ms / 1000 * scale,
        "memory_mb": problem.limits.memory_mb,
        "output_bytes": OUTPUT_BYTES,
    }


@attrs.frozen
class SourceOutputs:
    """A trusted source's (the reference's, a declared mistake's) encoded output per test."""

    outputs: dict[str, Any]
    """Encoded output per test name; None where the source failed that test."""
    failures: dict[str, str]
    """Why, per failed test."""
    inputs: dict[str, list[list[str]]] = attrs.field(factory=dict)
    """The reference's only: per test, [name, summary] of the inputs its drive part built."""


async def run_outputs(problem: Problem, sources: dict[str, str], options: Options) -> dict[str, SourceOutputs]:
    """Run trusted sources (by name) through the hidden tests' drive parts; their encoded outputs.

    They run in judged processes of their own, with more time than a user gets, in a run that
    never sees user code.
    """
    limits = limits_for(problem, options, REFERENCE_SLACK)
    job = _job(problem, options, limits) | {"mode": Mode.OUTPUTS, "sources": sources}
    total = _total_s(problem, options, REFERENCE_SLACK) * max(1, len(sources))
    found: dict[str, SourceOutputs] = {}
    async with session(problem, options, job, close_input=True) as (reader, _writer):
        deadline = time.monotonic() + total
        while True:
            event = await next_event(reader, deadline - time.monotonic())
            if event is None or event.get("event") == Event.DONE:
                break
            if event.get("event") == Event.BROKEN:
                raise JudgeError(str(event.get("message")))
            if event.get("event") == Event.OUTPUTS:
                found[str(event["source"])] = SourceOutputs(
                    dict(event["outputs"]), dict(event.get("failures") or {}), dict(event.get("inputs") or {})
                )
    missing = [name for name in sources if name not in found]
    if missing:
        raise JudgeError(f"the judge did not finish running {missing[0]} of {problem.id} in {total:.0f} s")
    return found


async def run_child(
    problem: Problem,
    source: str,
    filename: str,
    options: Options,
    expected: str,
    mistakes: Callable[[], Awaitable[str]] | None = None,
    explain: dict[str, str] | None = None,
    examples: Sequence[str] = (),
    tests: Sequence[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Run and check every hidden test (or only those ``tests`` names) on source, in a warm or a cold judged process.

    ``expected`` is the reference's encoded outputs as JSON text, sent only once every judged
    process of the run has ended. When a test's output is wrong and ``explain`` names declared
    mistakes, the run asks for their outputs: ``mistakes()`` gives them (JSON text; computing
    them the first time), so a run that fails nothing never waits for them. ``examples`` (the
    user's own, as code) run after the tests. Returns the event of each test by name (status, and
    for an output: passed / message / details / explanation), the examples' under
    :data:`~mlkata.judge.child.protocol.EXAMPLES`, and what confined the run under
    :data:`~mlkata.judge.child.protocol.SANDBOX`.
    """
    job = _job(problem, options, limits_for(problem, options), tests) | {"source": source, "filename": filename}
    if options.stop_at_time_limit:
        job["stop_at_time_limit"] = True
    if examples:
        job["examples"] = list(examples)
    total = _total_s(problem, options, 1.0)
    events: dict[str, dict[str, Any]] = {}
    async with session(problem, options, job, close_input=False) as (reader, writer):
        deadline = time.monotonic() + total
        outputs = await next_event(reader, deadline - time.monotonic())
        if outputs is not None and outputs.get("event") == Event.BROKEN:
            raise JudgeError(str(outputs.get("message")))
        if outputs is not None and outputs.get("event") == Event.OUTPUTS:
            explained = explain if mistakes is not None else None
            secret = '{"expected": %s, "explain": %s}\n' % (expected, json.dumps(explained or {}))  # noqa: UP031
            writer.write(secret.encode())
            await writer.drain()
            events[SANDBOX] = getattr(reader, "mlkata_sandbox", None) or {}
            while True:
                event = await next_event(reader, deadline + 30 - time.monotonic())
                if event is None or event.get("event") == Event.DONE:
                    break
                if event.get("event") == Event.MISTAKES and mistakes is not None:
                    started = time.monotonic()
                    try:
                        known = await mistakes()
                    except JudgeError:
                        known = "null"  # a broken declared mistake costs its explanation, not the run
                    writer.write(b'{"mistakes": %s}\n' % known.encode())
                    await writer.drain()
                    deadline += time.monotonic() - started  # the time spent computing them is not the run's
                if event.get("event") == Event.TEST:
                    events[str(event.get("name"))] = event
    for name in job["tests"]:
        if name not in events:
            events[name] = {"status": Status.TOTAL_TIME_LIMIT, "total_s": total}
    return events


def _job(problem: Problem, options: Options, limits: dict[str, Any], tests: Sequence[str] | None = None) -> dict[str, Any]:
    scratch = tempfile.mkdtemp(prefix="mlkata-run-")
    os.chmod(scratch, 0o700)
    return {
        "problem": problem.id,
        "tests_path": str(problem.tests_path),
        "entry": problem.entry_point,
        "kind": problem.kind,
        "tests_source": problem.tests_source,
        "tests": list(problem.test_names if tests is None else tests),
        "limits": limits,
        "forbidden": list(problem.forbidden),
        "scratch": scratch,
        "private": private_paths(problem, options),
        "sandbox_off": sandbox_off(options),
        "locale": options.locale,
    }


def private_paths(problem: Problem, options: Options) -> list[str]:
    """Folders a judged run may not read: the problem's bank folder, the harness, the reference cache."""
    package = Path(__file__).resolve().parents[1]
    return [str(problem.path.resolve().parent), str(package), str(cache_dir(options))]


def _total_s(problem: Problem, options: Options, slack: float) -> float:
    total = problem.limits.total_time_ms / 1000 * options.time_multiplier * slack
    return total + PER_TEST_SLACK_S * len(problem.test_names)
