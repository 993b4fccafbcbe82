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

from mlkata.i18n import t, tn, using
from mlkata.judge import examples, forbidden, locate, reference, repro
from mlkata.judge.child.protocol import EXAMPLES, REFERENCE, SANDBOX, Error, Exit, Status
from mlkata.judge.options import JudgeError, Options
from mlkata.judge.runner import OUTPUT_BYTES, run_child, run_outputs
from mlkata.judge.verdict import Location, Report, TestResult, Verdict

if TYPE_CHECKING:
    from mlkata.bank import Problem


async def judge(
    problem: Problem, source: str, filename: str | None = None, options: Options | None = None, tests: Sequence[str] | None = None
) -> Report:
    """Run the hidden tests of problem on source and return the verdict of each.

    ``tests`` names the hidden tests to run (a re-run of some of them; the report has only those,
    in file order); default: all of them. An unknown name is a :class:`~mlkata.judge.repro.ReproError`.
    Its messages are in the options' locale.
    """
    options = options or Options()
    with using(options.locale):
        return await _judge(problem, source, filename or "<solution>", options, tests)


async def _judge(problem: Problem, source: str, filename: str, options: Options, tests: Sequence[str] | None) -> Report:
    """:func:`judge`, in its locale."""
    lines = source.splitlines()
    names = problem.test_names if tests is None else selected_tests(problem, tests)

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
        more = tn("judge.forbiddenMore", len(findings) - 1) if len(findings) > 1 else ""
        message = t("judge.forbiddenUse", used=first.used_as, name=first.name, more=more)
        return all_tests(Verdict.FORBIDDEN_API, message, first.location)

    entry = locate.definition(source, problem.entry_point) or locate.whole_line(lines, 1)
    expected, inputs = await _reference(problem, options)
    explain = options.explain_mistakes and bool(problem.mistakes)
    explanations = {m.name: m.explanation for m in problem.mistakes} if explain else None
    mistakes = functools.partial(_mistakes, problem, options)
    written = examples.parse(source)
    shown = [e.source for e in written]
    found = mistakes if explain else None
    events = await run_child(problem, source, filename, options, expected, found, explanations, shown, names)
    ran = events.pop(EXAMPLES, {})
    confined = events.pop(SANDBOX, {})
    shown_inputs = json.loads(inputs)
    results = []
    looping: Location | None = None
    for name in names:
        event = events[name]
        result = _result(name, event, problem, source, filename, lines, entry)
        if not result.passed and result.verdict is not Verdict.NOT_IMPLEMENTED:
            given = [t("judge.input", name=n, text=text) for n, text in shown_inputs.get(name) or []]
            result = attrs.evolve(result, details=tuple(given) + tuple(str(d) for d in event.get("details") or ()))
            values = (event.get("expected"), event.get("actual"))
            if result.verdict is Verdict.WRONG_ANSWER and all(isinstance(v, str) for v in values):
                result = attrs.evolve(result, expected=values[0], actual=values[1])
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
        why = t("judge.examplesTimeLimit", seconds=f"{problem.limits.test_time_ms / 1000:g}")
    else:
        why = t("judge.examplesDidNotRun", status=event.get("status") or t("judge.noResult"))
    return examples.results(written, [{"error": why}] * len(written))


def selected_tests(problem: Problem, tests: Sequence[str]) -> tuple[str, ...]:
    """The named hidden tests in file order; a ReproError names an unknown one (or says none was named)."""
    if not tests:
        raise repro.ReproError(t("judge.noTestsSelected", problem=problem.id, tests=", ".join(problem.test_names)))
    for name in tests:
        repro.check_test(problem, name)
    wanted = set(tests)
    return tuple(n for n in problem.test_names if n in wanted)


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
        message = str(event.get("message") or t("judge.wrongAnswer"))
        if event.get("explanation"):
            message = f"{event['explanation']} [{message}]"
        return result(Verdict.WRONG_ANSWER, message, entry)
    fault = locate.fault_location(str(event.get("fault") or ""), filename, lines)
    if status == Status.ERROR:
        return _error_result(event, problem, filename, lines, entry, result)
    if status == Status.NOT_RUN:
        return result(Verdict.TIME_LIMIT, t("judge.notRun"), entry)
    if status in (Status.TIME_LIMIT, Status.TOTAL_TIME_LIMIT):
        where = fault or entry
        what = (
            t("judge.timeLimit", seconds=f"{wall:g}")
            if status == Status.TIME_LIMIT
            else t("judge.totalTimeLimit", seconds=f"{problem.limits.total_time_ms / 1000:g}")
        )
        if fault:
            what += t("judge.runningLine", line=fault.line)
        return result(Verdict.TIME_LIMIT, what, where)
    return _ended_result(status, event, source, fault, entry, result)


def _judge_exit(code: Any) -> str | None:
    """What the verdict says for an exit code of a judged process that is the judge's own (None: not one)."""
    if code == Exit.SANDBOX_FAILED:
        return t("judge.sandboxFailed")
    if code == Exit.HARNESS_BROKE:
        return t("judge.harnessBroke")
    return None


def _ended_result(
    status: Any, event: dict[str, Any], source: str, fault: Location | None, entry: Location, result: Any
) -> TestResult:
    """The result of a test that ended its judged process: output limit, a signal, an exit."""
    if status == Status.OUTPUT_LIMIT:
        return result(Verdict.OUTPUT_LIMIT, t("judge.outputLimit", kib=OUTPUT_BYTES // 1024), entry)
    if status == Status.SIGNAL:
        sig = event.get("signal")
        if sig == "SIGKILL":
            return result(Verdict.MEMORY_LIMIT, t("judge.killed"), fault or entry)
        crashed = t("judge.crashedAt", signal=sig, line=fault.line) if fault else t("judge.crashed", signal=sig)
        return result(Verdict.RUNTIME_ERROR, crashed, fault or entry)
    own = _judge_exit(event.get("code")) if status == Status.EXITED else None
    if own is not None:
        return result(Verdict.RUNTIME_ERROR, own, entry)
    if status == Status.EXITED:
        where = locate.exit_call(source) or entry
        return result(Verdict.RUNTIME_ERROR, t("judge.exited", code=event.get("code")), where)
    return result(Verdict.RUNTIME_ERROR, t("judge.noTestResult", status=status), entry)


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
        return result(Verdict.NOT_IMPLEMENTED, t("judge.notImplemented"), where)
    if verdict == Error.FORBIDDEN_API:
        return result(Verdict.FORBIDDEN_API, t("judge.forbiddenCall", call=message), where)
    if verdict == Error.MEMORY_LIMIT:
        error = f"{etype}: {message[:200]}"
        return result(Verdict.MEMORY_LIMIT, t("judge.memoryLimit", mb=problem.limits.memory_mb, error=error), where)
    if etype == "SystemExit":
        return result(Verdict.RUNTIME_ERROR, t("judge.sysExit", code=message), where)
    text = f"{etype}: {message}" if message else etype
    if where is entry and frames:
        text += t("judge.raisedOutside")
    return result(Verdict.RUNTIME_ERROR, text, where)
