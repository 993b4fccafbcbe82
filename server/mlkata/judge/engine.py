"""Judge one source text against one problem: the whole pipeline, returning a Report.

1. compile (syntax errors never reach a process); 2. static scan for forbidden APIs;
3. one run: the drive parts on the user's code in judged processes, each output checked against
   the reference's (cached, or computed first by a run of its own) in the run's trusted process;
   a wrong output is compared with the declared mistakes' outputs (computed when first needed);
4. turn each test's outcome into a verdict, a message and a location in the user's file.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mlkata.judge import examples, forbidden, locate, reference, repro
from mlkata.judge.child.protocol import EXAMPLES, REFERENCE, SANDBOX, Error, Exit, Status
from mlkata.judge.options import JudgeError, Options
from mlkata.judge.runner import OUTPUT_BYTES, run_child, run_outputs
from mlkata.judge.verdict import Location, Report, TestResult, Verdict

if TYPE_CHECKING:
    from mlkata.bank import Problem


async def judge(problem: Problem, source: str, filename: str | None = None, options: Options | None = None) -> Report:
    """Run the hidden tests of problem on source and return the verdict of each."""
    options = options or Options()
    filename = filename or "<solution>"
    lines = source.splitlines()
    names = problem.test_names

    def all_tests(verdict: Verdict, message: str, location: Location) -> Report:
        return Report(problem.id, tuple(TestResult(n, verdict, message, location) for n in names))

    try:
        locate.check_compiles(source, filename)
        # The scan parses again, at another depth of the stack: a text nested just deep enough
        # can compile above and fail here, and is reported the same way.
        findings = forbidden.scan(source, problem.forbidden)
    except SyntaxError as exc:  # every way the text fails to compile (locate.Uncompilable too)
        return all_tests(Verdict.SYNTAX_ERROR, _syntax_message(exc), _syntax_location(exc, lines))
    if findings:
        first = findings[0]
        more = f" ({len(findings) - 1} more use{'s' if len(findings) > 2 else ''} below)" if len(findings) > 1 else ""
        message = f"uses {first.used_as}, which this problem forbids ({first.name}): write it yourself{more}"
        return all_tests(Verdict.FORBIDDEN_API, message, first.location)

    entry = locate.definition(source, problem.entry_point) or locate.whole_line(lines, 1)
    expected, inputs = await _reference(problem, options)
    explain = options.explain_mistakes and bool(problem.mistakes)
    explanations = {m.name: m.explanation for m in problem.mistakes} if explain else None
    mistakes = functools.partial(_mistakes, problem, options)
    written = examples.parse(source)
    events = await run_child(
        problem, source, filename, options, expected, mistakes if explain else None, explanations, [e.source for e in written]
    )
    ran = events.pop(EXAMPLES, {})
    confined = events.pop(SANDBOX, {})
    shown_inputs = json.loads(inputs)
    results = []
    looping: Location | None = None
    for name in names:
        event = events[name]
        result = _result(name, event, problem, source, filename, lines, entry)
        if not result.passed and result.verdict is not Verdict.NOT_IMPLEMENTED:
            given = [f"input {n}: {text}" for n, text in shown_inputs.get(name) or []]
            result = attrs.evolve(result, details=tuple(given) + tuple(str(d) for d in event.get("details") or ()))
        if event.get("status") == Status.TIME_LIMIT and result.location is not None:
            looping = result.location
        elif event.get("status") == Status.TOTAL_TIME_LIMIT and looping is not None and not event.get("fault"):
            # Not run (or cut short) because earlier tests used up the run's time: they were stuck there.
            result = attrs.evolve(result, location=looping)
        results.append(result)
    return Report(problem.id, tuple(results), _examples(written, ran, problem), confined)


def _examples(written: list[examples.Example], event: dict[str, Any], problem: Problem) -> tuple[examples.ExampleResult, ...]:
    if not written:
        return ()
    if event.get("status") == Status.OK:
        return examples.results(written, event.get("examples"))
    if event.get("status") == Status.ERROR:
        error = event.get("error") or {}
        why = f"{error.get('type', 'Exception')}: {error.get('message', '')}".rstrip(": ")
    elif event.get("status") in (Status.TIME_LIMIT, Status.TOTAL_TIME_LIMIT):
        why = f"not finished within the time limit ({problem.limits.test_time_ms / 1000:g} s for all examples)"
    else:
        why = f"the examples did not run ({event.get('status') or 'no result'})"
    return examples.results(written, [{"error": why}] * len(written))


_computing: dict[tuple[str, str], asyncio.Lock] = {}


def repro_path(solution: Path, test: str) -> Path:
    """Where the debug script of a test is written: ``.mlkata/repro_<test>.py`` beside the solution."""
    return solution.parent / ".mlkata" / f"repro_{test}.py"


async def write_repro(problem: Problem, test: str, solution: Path, options: Options, out: Path | None = None) -> Path:
    """Write the script that reruns hidden test ``test`` on the file ``solution``; returns its path.

    It holds the reference's output for that test as data, never the reference's code.
    """
    repro.check_test(problem, test)
    expected, _ = await _reference(problem, options)
    text = repro.script(problem, test, solution.resolve(), json.loads(expected)[test])
    target = out or repro_path(solution, test)
    if target.resolve() == solution.resolve():
        raise repro.ReproError(f"refusing to write the debug script over the solution itself ({solution})")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target


async def _reference(problem: Problem, options: Options) -> tuple[str, str]:
    """The reference's encoded outputs and its inputs' summaries (JSON texts), computed once."""
    async with _computing.setdefault((problem.id, "reference"), asyncio.Lock()):
        expected = reference.cached(problem, options)
        inputs = reference.cached(problem, options, "inputs")
        if expected is not None and inputs is not None:
            return expected, inputs
        ref = (await run_outputs(problem, {REFERENCE: problem.solution}, options))[REFERENCE]
        for name in problem.test_names:
            if name in ref.failures or ref.outputs.get(name) is None:
                detail = ref.failures.get(name, "no output")
                raise JudgeError(f"the reference solution of {problem.id} fails its test {name}: {detail}")
        inputs = reference.store(problem, options, {n: ref.inputs.get(n) or [] for n in problem.test_names}, "inputs")
        return reference.store(problem, options, ref.outputs), inputs


async def _mistakes(problem: Problem, options: Options) -> str:
    """The declared mistakes' encoded outputs (JSON text), computed the first time a run needs them."""
    async with _computing.setdefault((problem.id, "mistakes"), asyncio.Lock()):
        known = reference.cached(problem, options, "mistakes")
        if known is not None:
            return known
        sources = {f"mistake {m.name}": m.source for m in problem.mistakes}
        produced = await run_outputs(problem, sources, options)
        outputs = {m.name: produced[f"mistake {m.name}"].outputs for m in problem.mistakes}
        return reference.store(problem, options, outputs, "mistakes")


def _syntax_message(exc: SyntaxError) -> str:
    return exc.msg if isinstance(exc, locate.Uncompilable) else f"SyntaxError: {exc.msg}"


def _syntax_location(exc: SyntaxError, lines: Sequence[str]) -> Location:
    line = exc.lineno or 1
    if not lines or exc.lineno is None:  # no line to blame (nested too deeply somewhere): the file's start
        return Location(1, 1, 1, 1)
    line = min(max(line, 1), len(lines))
    # SyntaxError offsets are 1-based character offsets already.
    col = max(exc.offset or 1, 1)
    end_line = exc.end_lineno or line
    end_col = exc.end_offset or 0
    if end_line != line or end_col <= col:
        text = lines[line - 1]
        end_col = max(col + 1, len(text.rstrip()) + 1) if col <= len(text) else col + 1
        end_line = line
    return Location(line, col, end_line, end_col)


def _result(
    name: str,
    event: dict[str, Any],
    problem: Problem,
    source: str,
    filename: str,
    lines: Sequence[str],
    entry: Location,
) -> TestResult:
    status = event.get("status")
    duration = float(event.get("duration_ms") or 0.0)
    stdout = str(event.get("stdout") or "")

    def result(verdict: Verdict, message: str = "", location: Location | None = None) -> TestResult:
        return TestResult(name, verdict, message, location if verdict is not Verdict.PASSED else None, duration, stdout)

    wall = problem.limits.test_time_ms / 1000
    if status == Status.OK:
        if event.get("passed") is True:
            return result(Verdict.PASSED)
        message = str(event.get("message") or "wrong answer")
        if event.get("explanation"):
            message = f"{event['explanation']} [{message}]"
        return result(Verdict.WRONG_ANSWER, message, entry)
    fault = locate.fault_location(str(event.get("fault") or ""), filename, lines)
    if status == Status.ERROR:
        return _error_result(event, problem, filename, lines, entry, result)
    if status == Status.NOT_RUN:
        return result(Verdict.TIME_LIMIT, "not run: the run stopped at the first time limit (stop_at_time_limit)", entry)
    if status in (Status.TIME_LIMIT, Status.TOTAL_TIME_LIMIT):
        where = fault or entry
        what = (
            f"time limit of {wall:g} s exceeded"
            if status == Status.TIME_LIMIT
            else (f"not finished when the total time limit of {problem.limits.total_time_ms / 1000:g} s ran out")
        )
        if fault:
            what += f" (it was running line {fault.line})"
        return result(Verdict.TIME_LIMIT, what, where)
    return _ended_result(status, event, source, fault, entry, result)


_JUDGE_EXITS = {
    Exit.SANDBOX_FAILED: "the judge could not confine the process that runs your code, so it ran nothing "
    "(`mlkata doctor` shows what this machine offers; MLKATA_SANDBOX_OFF turns a mechanism off)",
    Exit.HARNESS_BROKE: "the judged process broke down after your code ran: it changed something the judge relies on "
    "(builtins, the interpreter's state)",
}
"""Exit codes of a judged process that are the judge's own, and what its verdict then says."""


def _ended_result(
    status: Any, event: dict[str, Any], source: str, fault: Location | None, entry: Location, result: Any
) -> TestResult:
    """The result of a test that ended its judged process: output limit, a signal, an exit."""
    if status == Status.OUTPUT_LIMIT:
        return result(Verdict.OUTPUT_LIMIT, f"printed more than {OUTPUT_BYTES // 1024} KiB (the output limit); print less", entry)
    if status == Status.SIGNAL:
        sig = event.get("signal")
        if sig == "SIGKILL":
            return result(Verdict.MEMORY_LIMIT, "killed (SIGKILL), most likely for running out of memory", fault or entry)
        return result(
            Verdict.RUNTIME_ERROR, f"the process crashed with {sig}" + (f" at line {fault.line}" if fault else ""), fault or entry
        )
    if status == Status.EXITED and event.get("code") in _JUDGE_EXITS:
        return result(Verdict.RUNTIME_ERROR, _JUDGE_EXITS[event["code"]], entry)
    if status == Status.EXITED:
        where = locate.exit_call(source) or entry
        return result(
            Verdict.RUNTIME_ERROR,
            f"the process exited (code {event.get('code')}) before the test finished: a solution must return, not exit",
            where,
        )
    return result(Verdict.RUNTIME_ERROR, f"the judge got no result for this test ({status})", entry)


def _error_result(
    event: dict[str, Any], problem: Problem, filename: str, lines: Sequence[str], entry: Location, result: Any
) -> TestResult:
    error = event.get("error") or {}
    etype = str(error.get("type", "Exception"))
    message = str(error.get("message", ""))
    frames = error.get("frames") or []
    where = locate.deepest_user_frame(frames, filename, lines) or entry
    verdict = event.get("verdict")
    if verdict == Error.WRONG_ANSWER:
        return result(Verdict.WRONG_ANSWER, message, entry if etype == "WrongAnswer" else where)
    if verdict == Error.NOT_IMPLEMENTED:
        return result(Verdict.NOT_IMPLEMENTED, "not implemented yet: the code still raises NotImplementedError", where)
    if verdict == Error.FORBIDDEN_API:
        return result(Verdict.FORBIDDEN_API, f"called {message}, which this problem forbids: write it yourself", where)
    if verdict == Error.MEMORY_LIMIT:
        return result(
            Verdict.MEMORY_LIMIT, f"memory limit of {problem.limits.memory_mb} MB exceeded ({etype}: {message[:200]})", where
        )
    if etype == "SystemExit":
        return result(Verdict.RUNTIME_ERROR, f"called sys.exit({message}): a solution must return, not exit", where)
    text = f"{etype}: {message}" if message else etype
    if where is entry and frames:
        text += " (raised outside your code, while the test used what your code returned)"
    return result(Verdict.RUNTIME_ERROR, text, where)
