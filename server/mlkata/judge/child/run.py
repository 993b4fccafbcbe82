"""The run process's trusted side: one job, from the job line to ``done``.

It never executes judged code: judged processes do (:mod:`~mlkata.judge.child.judged`, watched by
:mod:`~mlkata.judge.child.supervise`). Each output is decoded and compared with the reference's
here, where judged code never ran, and only the outcome (passed, or the failure message) goes back
to the server.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterable
from typing import Any

from mlkata.judge.child import capture, channel, hidden, judged, sandbox, supervise
from mlkata.judge.child.protocol import EXAMPLES, REFERENCE, Event, Mode, Status

_UNREAD = object()
VALUE_CHARS = 4000
"""At most this much of a failing check's expected and actual values (their readable forms) goes to the server."""


def run_job(fd: int, reader: channel.LineReader, spare: judged.JudgedSpare | None = None) -> None:
    """The trusted side of one run; ``spare`` is a judged process forked ahead of time.

    The job comes first, without any expected output. In outputs mode (trusted sources: the
    reference, the declared mistakes) each source's outputs are sent back. Otherwise the user's
    source runs in judged processes and every output is collected; only then, after the last
    judged process has ended, are the expected outputs asked for (``{"event": "outputs"}``) and
    read, so no judged process is ever forked from a process holding them. The checks follow.
    """
    data = reader.line()
    try:
        _run_job_in(json.loads(data), fd, data, reader, spare)
    finally:
        if spare is not None and spare.job_w >= 0:
            spare.discard()
    supervise.reap_run()
    channel.emit(fd, {"event": Event.DONE})


def _run_job_in(job: dict[str, Any], fd: int, data: bytes, reader: channel.LineReader, spare: judged.JudgedSpare | None) -> None:
    from mlkata.i18n import preload, set_locale
    from mlkata.judge import api, wire

    set_locale(job.get("locale"))  # before any judged process is forked: they inherit it
    preload()
    drives, specs = hidden.hidden_tests(job["tests_source"], api)
    names = list(job["tests"])
    missing = [n for n in names if n not in drives]
    job["_runner_pid"] = os.getpid()
    channel.emit(fd, {"event": Event.READY, "pid": os.getpid(), "sandbox": sandbox.probe(job.get("sandbox_off") or ())})
    if missing:
        channel.emit(fd, {"event": Event.BROKEN, "message": f"{job['tests_path']}: test {missing[0]} is not registered by @test"})
        return
    if job.get("mode") == Mode.OUTPUTS:
        for source_name, source in job["sources"].items():
            channel.emit(fd, outputs_of(job, source_name, source, names, drives, api, wire))
        return
    first = None
    if spare is not None:
        first = spare.start(data)
        spare.job_w = -1
    user = judged.Run(job, compile(job["source"], job["filename"], "exec", dont_inherit=True), job["filename"], job["limits"])
    names, drives = judged.with_examples(job, names, drives)
    gc.freeze()  # a judged process's collections never walk (and so never copy) the objects it inherits
    events = list(supervise.run_tests(user, names, drives, api, wire, first))
    channel.emit(fd, {"event": Event.OUTPUTS})
    supervise.reap_run()  # while the expected outputs are on their way
    _check_all(events, specs, fd, reader, api, wire)
    for name, event in events:
        event.update(event=Event.TEST, name=name)
        channel.emit(fd, event)


def _check_all(
    events: list[tuple[str, dict[str, Any]]], specs: dict[str, Any], fd: int, reader: channel.LineReader, api: Any, wire: Any
) -> None:
    """Read the expected outputs and check each test's output; explain the wrong ones when asked to."""
    secret = json.loads(reader.line() or b"{}")
    expected = secret.get("expected") or {}
    explain = secret.get("explain") or {}
    wrong: list[tuple[str, dict[str, Any], Any, Any]] = []
    for name, event in events:
        if name == EXAMPLES:
            examples_event(event, wire)
        elif event.get("status") == Status.OK:
            got = check(event, specs[name], expected.get(name), api, wire)
            if got is not _UNREAD and event.get("passed") is False:
                wrong.append((name, event, specs[name], got))
    if wrong and explain:
        # Only now, and only for a wrong answer, the declared mistakes' outputs are asked for.
        channel.emit(fd, {"event": Event.MISTAKES})
        known = json.loads(reader.line() or b"{}").get("mistakes") or {}
        for name, event, spec, got in wrong:
            candidates = [(explain[m], outs.get(name)) for m, outs in known.items() if m in explain and isinstance(outs, dict)]
            explain_mistake(event, spec, got, candidates, api, wire)


def examples_event(event: dict[str, Any], wire: Any) -> None:
    """The examples pseudo-test's event: its decoded results, or why they did not run."""
    raw = event.pop("output", None)
    if event.get("status") == Status.OK:
        try:
            shown = wire.decode(raw)
            event["examples"] = [{"output": str(e["output"])[:4000], "error": str(e["error"])[:4000]} for e in shown]
        except Exception as exc:  # whatever the judged process sent, the run goes on
            event["examples"] = []
            event["message"] = f"the examples' output could not be read: {type(exc).__name__}"


def outputs_of(
    job: dict[str, Any], source_name: str, source: str, names: list[str], drives: dict[str, Any], api: Any, wire: Any
) -> dict[str, Any]:
    """A trusted source's encoded output per test (None where it failed, with the reason)."""
    filename = f"<{source_name} {job['problem']}>"
    outputs: dict[str, Any] = {}
    failures: dict[str, str] = {}
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return {
            "event": Event.OUTPUTS,
            "source": source_name,
            "outputs": dict.fromkeys(names),
            "failures": dict.fromkeys(names, str(exc)),
        }
    is_reference = source_name == REFERENCE
    if is_reference:
        drives = capture.capturing_tests(job["tests_source"], drives, api)
    run = judged.Run(job | {"capture": is_reference}, code, filename, job["limits"])
    inputs: dict[str, Any] = {}
    for test, event in supervise.run_tests(run, names, drives, api, wire):
        inputs[test] = event.get("inputs") or []
        if event.get("status") == Status.OK:
            outputs[test] = event["output"]
        else:
            outputs[test] = None
            failures[test] = str((event.get("error") or {}).get("message") or event.get("status"))
    return {"event": Event.OUTPUTS, "source": source_name, "outputs": outputs, "failures": failures, "inputs": inputs}


def check(event: dict[str, Any], spec: Any, expected: Any, api: Any, wire: Any) -> Any:
    """Compare a test's output with the reference's; replaces the output by the outcome.

    Returns the decoded output (``_UNREAD`` when it could not be read or compared).
    """
    raw = event.pop("output", None)
    try:
        got = wire.decode(raw)
        want = wire.decode(expected)
    except Exception as exc:  # RecursionError, MemoryError too: the judged process wrote it
        event.update(passed=False, message=f"the output could not be read: {str(exc)[:500] or type(exc).__name__}")
        return _UNREAD
    try:
        spec.run_check(want, got)
    except api.Fail as fail:
        event.update(passed=False, message=fail.message, details=[str(d) for d in getattr(fail, "details", [])][:12])
        wanted, seen = getattr(fail, "expected", None), getattr(fail, "actual", None)
        if isinstance(wanted, str) and isinstance(seen, str):  # the readable values, for an expected/actual diff
            event.update(expected=wanted[:VALUE_CHARS], actual=seen[:VALUE_CHARS])
    except Exception as exc:
        event.update(passed=False, message=f"the output could not be compared: {type(exc).__name__}: {exc}")
        return _UNREAD
    else:
        event.update(passed=True)
    return got


def explain_mistake(event: dict[str, Any], spec: Any, got: Any, mistakes: Iterable[tuple[str, Any]], api: Any, wire: Any) -> None:
    """A wrong output equal to a declared mistake's output gets that mistake's explanation."""
    for explanation, output in mistakes:
        if output is None:
            continue
        try:
            api.same(wire.decode(output), got, "", spec.atol, spec.rtol)
        except Exception:
            continue
        event.update(explanation=explanation)
        return
