"""A judged process: the only process of a run that executes judged code.

Forked by the run process, it moves into its own process group, dies with its parent, keeps no
file descriptor but a result pipe and its standard streams, sets its limits (address space, CPU,
file size) and then runs the tests one after another: for each, a fresh module from the source,
reseeded generators, its own captured output, and the test's drive function; the encoded output
goes back through the pipe, one JSON line per test.
"""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import sys
import time
import traceback
import types
from typing import Any

from mlkata.judge.child import capture, channel, confine, forbid, hidden, lifecycle, sandbox
from mlkata.judge.child.protocol import EXAMPLES, RESTART, Error, Exit, Status

MEMORY_PATTERNS = ("can't allocate memory", "not enough memory", "out of memory", "std::bad_alloc")

_HARNESS: list[Any] = []


def harness_modules() -> list[Any]:
    """The harness's modules (found once: walking sys.modules in a fork copies every page it touches).

    Every ``mlkata.judge.*`` module loaded: the harness judged code calls (api, compare, wire) and
    this package, whose code runs in the judged process between tests. A judged process restores
    their namespaces after every test, so judged code cannot change what the next test relies on.
    """
    if not _HARNESS:
        _HARNESS.extend(m for n, m in sys.modules.items() if n.startswith("mlkata.judge."))
    return _HARNESS


class Run:
    """What a judged process runs: one source against the drive parts of some tests."""

    def __init__(self, job: dict[str, Any], code: Any, filename: str, limits: dict[str, Any]) -> None:
        self.job = job
        self.code = code
        self.filename = filename
        self.limits = limits
        self.harness_modules = harness_modules()


def judged_process(run: Run, names: list[str], start: int, drives: dict[str, Any], api: Any, wire: Any, result_w: int) -> None:
    """Body of a forked judged process: runs the tests names[start:] one after another. Never returns.

    Each test gets a fresh module from the source (module state never carries over), reseeded
    random generators, its own captured output, a CPU budget and a traceback dump just before
    its time is up. One JSON line per test goes back through the pipe.
    """
    write, exit_now, dumps = os.write, os._exit, json.dumps  # judged code may replace them
    me = os.getpid()
    try:
        _isolate(run.job, result_w)
        hits, harness, saved = _confine(run, len(names) - start)
        random_state = __import__("random")
        active_threads = __import__("threading").active_count
        threads_before = active_threads()
        torch = sys.modules.get("torch")
        scratch, limits = run.job["scratch"], run.limits
        for index in range(start, len(names)):
            _capture_output(scratch, index, limits["wall_s"])
            harness[0] = True
            confine.cpu_limit_for_next_test(limits)
            harness[0] = False
            hits.clear()
            random_state.seed(0)
            if torch is not None:
                torch.manual_seed(0)
            status = one_test(run, drives[names[index]], hits, api, wire, saved)
            if os.getpid() != me:
                exit_now(0)  # a fork made by judged code never reports
            faulthandler.cancel_dump_traceback_later()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            data = (dumps(status, allow_nan=True) + "\n").encode()
            if active_threads() > threads_before:
                # Threads left running would share the next test's process: start a fresh one.
                data += RESTART + b"\n"
            view = memoryview(data)
            while view:
                view = view[write(result_w, view) :]
            if active_threads() > threads_before:
                exit_now(0)
        exit_now(0)
    except BaseException:
        exit_now(Exit.HARNESS_BROKE)


def _isolate(job: dict[str, Any], result_w: int) -> None:
    """Its own process group, dying with the run; only the result pipe open; the scratch folder as home."""
    os.setpgid(0, 0)
    lifecycle.die_with_parent(job["_runner_pid"])
    lifecycle.set_name(b"mlkata-judged")
    # Only the result pipe and the standard streams stay open: never the event channel.
    lifecycle.close_fds_except((result_w,))
    scratch = job["scratch"]
    os.environ["HOME"] = scratch
    os.environ["TMPDIR"] = scratch
    os.chdir(scratch)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)


def _confine(run: Run, tests: int) -> tuple[list[str], list[bool], list[tuple[Any, dict[str, Any]]]]:
    """Limits, forbidden APIs and the audit hook; (forbidden calls made, harness flag, saved namespaces)."""
    job, limits = run.job, run.limits
    confine.set_limits(limits, limits["cpu_s"] * tests)
    hits: list[str] = []
    if job["forbidden"]:
        forbid.guard(job["forbidden"], hits, run.filename)
    _sandbox(job)
    harness = confine.audit(job["scratch"], job.get("private") or [])
    import builtins

    # What judged code may replace and the harness relies on: restored after every test.
    saved = [(builtins, dict(builtins.__dict__))]
    saved += [(m, dict(m.__dict__)) for m in run.harness_modules]
    return hits, harness, saved


def _sandbox(job: dict[str, Any]) -> None:
    """The kernel's confinement (:mod:`~mlkata.judge.child.sandbox`), for good; exits when it cannot be set up.

    It fails closed: a mechanism the probe found but that cannot be applied ends the process
    before any judged code runs (the trusted side says so, and ``mlkata doctor`` tells more).
    """
    found = sandbox.probe(job.get("sandbox_off") or ())
    try:
        sandbox.apply(found, job["scratch"], job.get("private") or [], job.get("filename"))
    except (sandbox.SandboxError, OSError):
        os._exit(Exit.SANDBOX_FAILED)


def _capture_output(scratch: str, index: int, wall: float) -> None:
    """Test index's output to its own file; a traceback dump to another just before its time is up."""
    out_fd = os.open(os.path.join(scratch, f"out-{index}.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out_fd, 1)
    os.dup2(out_fd, 2)
    os.close(out_fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    tb_file = open(os.path.join(scratch, f"tb-{index}.txt"), "w")  # noqa: SIM115
    faulthandler.enable(file=tb_file)
    # Dump just before the CPU limit or the supervisor can end the process.
    faulthandler.dump_traceback_later(max(0.05, wall - min(0.2, wall / 10)), exit=False, file=tb_file)


def restore(saved: list[tuple[Any, dict[str, Any]]]) -> None:
    """Put each saved module's namespace back as it was."""
    for module, namespace in saved:
        current = module.__dict__
        for key in [k for k in current if k not in namespace]:
            del current[key]
        current.update(namespace)


def one_test(run: Run, drive: Any, hits: list[str], api: Any, wire: Any, saved: list[Any]) -> dict[str, Any]:
    """Execute the source as a fresh module and call one test's drive part on its entry point."""
    job = run.job
    module = types.ModuleType("solution")
    module.__file__ = run.filename
    sys.modules["solution"] = module
    start = time.perf_counter()
    try:
        exec(run.code, module.__dict__)
        entry = module.__dict__.get(job["entry"])
        if entry is None:
            raise api.WrongAnswer(api.t("judge.noEntryPoint", entry=job["entry"]))
        if job.get("capture"):
            output, inputs = capture.drive_capturing(drive, entry)
        else:
            output, inputs = drive(entry), None
    except BaseException as exc:
        elapsed = time.perf_counter() - start
        restore(saved)
        return _raised(exc, hits, run.filename, api, elapsed)
    elapsed = time.perf_counter() - start
    restore(saved)
    if hits:
        return {
            "status": Status.ERROR,
            "verdict": Error.FORBIDDEN_API,
            "error": {"type": "ForbiddenCall", "module": "", "message": hits[0], "frames": []},
            "duration_ms": elapsed * 1000,
        }
    try:
        status = {"status": Status.OK, "output": wire.encode(output), "duration_ms": elapsed * 1000}
        if inputs is not None:
            status["inputs"] = capture.summarise_inputs(inputs, output)
        return status
    except BaseException as exc:
        unreadable = api.t("judge.outputUnreadable", error=exc)
        return {
            "status": Status.ERROR,
            "verdict": Error.WRONG_ANSWER,
            "error": {"type": type(exc).__name__, "module": "", "message": unreadable, "frames": []},
            "duration_ms": elapsed * 1000,
        }


def _raised(exc: BaseException, hits: list[str], filename: str, api: Any, elapsed: float) -> dict[str, Any]:
    """The outcome of a test that raised."""
    verdict = Error.FORBIDDEN_API if hits else classify(exc, filename, api)
    info = channel.exception_info(exc)
    if hits and not isinstance(exc, confine.ForbiddenCall):
        info["message"] = hits[0]
    return {"status": Status.ERROR, "verdict": verdict, "error": info, "duration_ms": elapsed * 1000}


def classify(exc: BaseException, filename: str, api: Any) -> str:
    """What an exception raised by a test means (an :class:`~mlkata.judge.child.protocol.Error`)."""
    if isinstance(exc, confine.ForbiddenCall):
        return Error.FORBIDDEN_API
    if isinstance(exc, api.WrongAnswer):
        return Error.WRONG_ANSWER
    if isinstance(exc, MemoryError):
        return Error.MEMORY_LIMIT
    if isinstance(exc, RuntimeError) and any(p in str(exc) for p in MEMORY_PATTERNS):
        return Error.MEMORY_LIMIT
    if isinstance(exc, NotImplementedError):
        tb = traceback.extract_tb(exc.__traceback__)
        if tb and tb[-1].filename == filename:
            return Error.NOT_IMPLEMENTED
    return Error.RUNTIME_ERROR


class JudgedSpare:
    """A judged process forked before the run comes (by a spare run process): it waits for the job.

    The fork and the process's set-up then cost the run nothing. It is used for the first
    judged process of the user's run; later ones (after a test ended one) are forked as usual.
    """

    def __init__(self) -> None:
        job_r, self.job_w = os.pipe()
        self.result_r, result_w = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            _await_job(job_r, result_w, parent)
        os.close(job_r)
        os.close(result_w)

    def start(self, data: bytes) -> tuple[int, int]:
        """Hand it the job (as received); returns (pid, result pipe)."""
        try:
            channel.write_all(self.job_w, data)
        except OSError:
            pass  # it died: the supervisor sees the closed pipe and reports that test
        os.close(self.job_w)
        return self.pid, self.result_r

    def discard(self) -> None:
        """Kill it unused."""
        for fd in (self.job_w, self.result_r):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _await_job(job_r: int, result_w: int, parent: int) -> None:
    """Body of a JudgedSpare: wait for the job, then be the run's first judged process. Never returns."""
    try:
        os.setpgid(0, 0)
        lifecycle.die_with_parent(parent)
        lifecycle.set_name(b"mlkata-judged")
        lifecycle.close_fds_except((job_r, result_w))
        data = channel.LineReader(job_r).line()
        os.close(job_r)
        if not data:
            os._exit(0)
        job = json.loads(data)
        job["_runner_pid"] = parent
        from mlkata.i18n import set_locale
        from mlkata.judge import api, wire

        set_locale(job.get("locale"))  # its catalogues were loaded by the worker it was forked from
        names, drives = with_examples(job, list(job["tests"]), hidden.hidden_tests(job["tests_source"], api)[0])
        run = Run(job, compile(job["source"], job["filename"], "exec", dont_inherit=True), job["filename"], job["limits"])
        judged_process(run, names, 0, drives, api, wire, result_w)
    except BaseException:
        os._exit(Exit.HARNESS_BROKE)


def with_examples(job: dict[str, Any], names: list[str], drives: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The user's own examples run last, in the same judged processes, as one more "test"."""
    if not job.get("examples"):
        return names, drives
    sources = list(job["examples"])
    return [*names, EXAMPLES], drives | {EXAMPLES: lambda entry: _run_examples(sys.modules["solution"].__dict__, sources)}


def _run_examples(namespace: dict[str, Any], sources: list[str]) -> list[dict[str, str]]:
    """Run each example in the solution module's namespace (in the judged process), as at the prompt.

    An expression shows its value's repr (unless None) after what it printed; statements show
    what they printed; an exception is kept as ``Type: message``.
    """
    import contextlib
    import io

    done = []
    for index, source in enumerate(sources):
        buffer = io.StringIO()
        error = ""
        name = f"<example {index + 1}>"
        try:
            with contextlib.redirect_stdout(buffer):
                try:
                    code = compile(source, name, "eval")
                except SyntaxError:
                    try:
                        statements = compile(source, name, "single")  # shows expression statements' values
                    except SyntaxError:
                        statements = compile(source, name, "exec")
                    exec(statements, namespace)
                else:
                    value = eval(code, namespace)
                    if value is not None:
                        print(repr(value))
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
        done.append({"output": buffer.getvalue()[:4000].rstrip("\n"), "error": error[:4000]})
    return done
