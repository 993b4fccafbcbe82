"""The run process: runs the drive part of each hidden test on one source text, and checks it.

Started as ``python -P child.py`` by :mod:`mlkata.judge.runner` in the interpreter the user
chose (a cold run), or forked from the warm worker (``child.py --serve SOCKET``), it imports
only the standard library, the harness, and torch for torch problems. It reads one job (JSON)
and writes one JSON event per line.

The run process itself never executes judged code. It forks a judged process that moves into
its own process group, dies with its parent, keeps no file descriptor but a result pipe and its
standard streams, sets its limits (address space, CPU, file size) and then runs the tests one
after another: for each, a fresh module from the source, reseeded generators, its own captured
output, and the test's drive function; the encoded output goes back through the pipe. The run
process supervises each test's wall-clock time, output size and exit status; when a test ends
the judged process (time limit, crash, exit), a fresh one carries on with the next test. Each
output is then decoded and compared with the reference's on this side, where judged code never
ran, and only the outcome (passed, or the failure message) goes back to the server.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import sys
import time
import traceback
import types
import warnings
from collections.abc import Iterator
from typing import Any

JUDGE_DIR = os.path.dirname(os.path.abspath(__file__))
PACKAGE_DIR = os.path.dirname(JUDGE_DIR)
RESULT_CAP = 256 * 1024 * 1024
STDOUT_SHOWN = 4000
GRACE_S = 0.5
MEMORY_PATTERNS = ("can't allocate memory", "not enough memory", "out of memory", "std::bad_alloc")


class ForbiddenCall(BaseException):
    """A forbidden API was called (BaseException so ``except Exception`` cannot swallow it)."""


def _register_packages() -> None:
    """Make ``mlkata.judge.*`` importable from this folder without importing ``mlkata``."""
    for name, path in (("mlkata", PACKAGE_DIR), ("mlkata.judge", JUDGE_DIR)):
        if name not in sys.modules:
            mod = types.ModuleType(name)
            mod.__path__ = [path]
            sys.modules[name] = mod


def _emit(fd: int, event: dict[str, Any]) -> None:
    data = (json.dumps(event, allow_nan=True) + "\n").encode()
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _frames(tb: Any) -> list[dict[str, Any]]:
    frames = []
    for fs in traceback.extract_tb(tb, limit=200):
        frames.append(
            {
                "file": fs.filename,
                "line": fs.lineno,
                "end_line": getattr(fs, "end_lineno", None),
                "col": getattr(fs, "colno", None),
                "end_col": getattr(fs, "end_colno", None),
                "name": fs.name,
            }
        )
    return frames


def _exception_info(exc: BaseException) -> dict[str, Any]:
    try:
        text = str(exc)
    except BaseException:
        text = "<str() of the exception failed>"
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list) and notes and all(isinstance(n, str) for n in notes):
        text = f"{text} ({'; '.join(notes)})" if text else "; ".join(notes)
    frames = _frames(exc.__traceback__)
    # An exception raised while handling another: keep the frames of the original too.
    context = exc.__cause__ or exc.__context__
    if context is not None and context.__traceback__ is not None:
        frames = _frames(context.__traceback__) + frames
    return {"type": type(exc).__name__, "module": type(exc).__module__, "message": text[:2000], "frames": frames}


def _classify(exc: BaseException, filename: str, api: Any) -> str:
    if isinstance(exc, ForbiddenCall):
        return "forbidden_api"
    if isinstance(exc, api.WrongAnswer):
        return "wrong_answer"
    if isinstance(exc, MemoryError):
        return "memory_limit"
    if isinstance(exc, RuntimeError) and any(p in str(exc) for p in MEMORY_PATTERNS):
        return "memory_limit"
    if isinstance(exc, NotImplementedError):
        tb = traceback.extract_tb(exc.__traceback__)
        if tb and tb[-1].filename == filename:
            return "not_implemented"
    return "runtime_error"


def _guard(forbidden: list[str], hits: list[str]) -> None:
    """Replace forbidden callables and block forbidden modules for the judged code."""
    import importlib.abc

    modules = [name for name in forbidden if name in _FORBIDDEN_MODULE_NAMES or "." not in name]
    for dotted in forbidden:
        owner_name, _, attr = dotted.rpartition(".")
        owner = sys.modules.get(owner_name)
        if owner is None or not attr or not hasattr(owner, attr):
            continue
        original = getattr(owner, attr)

        def blocked(*args: Any, __name: str = dotted, **kwargs: Any) -> Any:
            hits.append(__name)
            raise ForbiddenCall(__name)

        if isinstance(original, type):
            # A class (e.g. nn.MultiheadAttention): block construction, keep isinstance working.
            def init(self: Any, *a: Any, __name: str = dotted, **k: Any) -> None:
                hits.append(__name)
                raise ForbiddenCall(__name)

            try:
                setattr(original, "__init__", init)  # noqa: B010
            except (TypeError, AttributeError):
                pass
            continue
        try:
            setattr(owner, attr, blocked)
        except (TypeError, AttributeError):
            pass
    if modules:

        class Blocker(importlib.abc.MetaPathFinder):
            def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
                root = fullname.partition(".")[0]
                if root in modules or fullname in modules:
                    hits.append(fullname)
                    raise ForbiddenCall(fullname)
                return None

        for name in list(sys.modules):
            if name.partition(".")[0] in modules:
                del sys.modules[name]
        sys.meta_path.insert(0, Blocker())


_FORBIDDEN_MODULE_NAMES = ("numpy", "torch", "scipy", "jax", "tensorflow")


def _set_limits(limits: dict[str, Any], total_cpu_s: float) -> None:
    """Address space, output size and core limits for a judged process; its CPU budget in total."""
    page = os.sysconf("SC_PAGE_SIZE")
    with open("/proc/self/statm") as f:
        vm_now = int(f.read().split()[0]) * page
    address_space = vm_now + int(limits["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    out = int(limits["output_bytes"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (out, out))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    hard = int(_cpu_used() + total_cpu_s + 2)
    resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_limit_for_next_test(limits: dict[str, Any]) -> None:
    """The soft CPU limit: this test's budget on top of what the process has used so far."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(_cpu_used() + max(1.0, limits["cpu_s"]) + 0.999)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(70)


def _set_name(name: bytes) -> None:
    """The process name ps and /proc show (mlkata-spare, mlkata-run, mlkata-judged)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(15, ctypes.c_char_p(name), 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def _become_subreaper() -> None:
    """Orphaned descendants (a judged process's leftover children) are reparented here and reaped."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


class Run:
    """What a judged process runs: one source against the drive parts of some tests."""

    def __init__(self, job: dict[str, Any], code: Any, filename: str, limits: dict[str, Any]) -> None:
        self.job = job
        self.code = code
        self.filename = filename
        self.limits = limits


def _judged_process(run: Run, names: list[str], start: int, drives: dict[str, Any], api: Any, wire: Any, result_w: int) -> None:
    """Body of a forked judged process: runs the tests names[start:] one after another. Never returns.

    Each test gets a fresh module from the source (module state never carries over), reseeded
    random generators, its own captured output, a CPU budget and a traceback dump just before
    its time is up. One JSON line per test goes back through the pipe.
    """
    write, exit_now, dumps = os.write, os._exit, json.dumps
    job = run.job
    try:
        os.setpgid(0, 0)
        _die_with_parent(job["_runner_pid"])
        _set_name(b"mlkata-judged")
        # Only the result pipe and the standard streams stay open: never the event channel.
        if result_w > 3:
            os.closerange(3, result_w)
        os.closerange(max(3, result_w + 1), 1 << 16)
        scratch = job["scratch"]
        os.environ["HOME"] = scratch
        os.environ["TMPDIR"] = scratch
        os.chdir(scratch)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        import faulthandler

        limits = run.limits
        _set_limits(limits, limits["cpu_s"] * (len(names) - start))
        hits: list[str] = []
        if job["forbidden"]:
            _guard(job["forbidden"], hits)
        random_state = __import__("random")
        torch = sys.modules.get("torch")
        wall = limits["wall_s"]
        for index in range(start, len(names)):
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
            _cpu_limit_for_next_test(limits)
            hits.clear()
            random_state.seed(0)
            if torch is not None:
                torch.manual_seed(0)
            status = _one_test(run, drives[names[index]], hits, api, wire)
            faulthandler.cancel_dump_traceback_later()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            data = (dumps(status, allow_nan=True) + "\n").encode()
            view = memoryview(data)
            while view:
                view = view[write(result_w, view) :]
        exit_now(0)
    except BaseException:
        exit_now(71)


def _one_test(run: Run, drive: Any, hits: list[str], api: Any, wire: Any) -> dict[str, Any]:
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
            raise api.WrongAnswer(f"your file defines no `{job['entry']}` (the entry point this problem calls)")
        output = drive(entry)
    except BaseException as exc:
        elapsed = time.perf_counter() - start
        verdict = "forbidden_api" if hits else _classify(exc, run.filename, api)
        info = _exception_info(exc)
        if hits and not isinstance(exc, ForbiddenCall):
            info["message"] = hits[0]
        return {"status": "error", "verdict": verdict, "error": info, "duration_ms": elapsed * 1000}
    elapsed = time.perf_counter() - start
    if hits:
        return {
            "status": "error",
            "verdict": "forbidden_api",
            "error": {"type": "ForbiddenCall", "module": "", "message": hits[0], "frames": []},
            "duration_ms": elapsed * 1000,
        }
    try:
        return {"status": "ok", "output": wire.encode(output), "duration_ms": elapsed * 1000}
    except BaseException as exc:
        return {
            "status": "error",
            "verdict": "wrong_answer",
            "error": {"type": type(exc).__name__, "module": "", "message": f"the output could not be read: {exc}", "frames": []},
            "duration_ms": elapsed * 1000,
        }


def _run_tests(run: Run, names: list[str], drives: dict[str, Any], api: Any, wire: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Run every test in judged processes; yields (name, event) as each finishes.

    One process runs the tests in order; when one ends it (time limit, crash, exit), a fresh
    process goes on with the next test.
    """
    start = 0
    while start < len(names):
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(result_r)
            _judged_process(run, names, start, drives, api, wire, result_w)
        os.close(result_w)
        index = start
        try:
            for event in _supervise(run, names, start, pid, result_r):
                yield names[index], event
                index += 1
        finally:
            os.close(result_r)
        start = index


def _supervise(run: Run, names: list[str], start: int, pid: int, result_r: int) -> Iterator[dict[str, Any]]:
    """Events of one judged process, a test at a time, until it finishes or one test ends it."""
    limits = run.limits
    wall = limits["wall_s"] + GRACE_S
    deadline = time.monotonic() + wall
    buffer = b""
    index = start
    ended: str | None = None
    while index < len(names):
        newline = buffer.find(b"\n")
        if newline >= 0:
            line, buffer = buffer[:newline], buffer[newline + 1 :]
            event = _test_output(run, index)
            try:
                event.update(json.loads(line))
            except ValueError:
                event.update(status="exited", code=None)
            if event["stdout_bytes"] >= int(limits["output_bytes"]):
                event.update(status="output_limit")  # writes past the cap failed; whatever it returned
            yield event
            index += 1
            deadline = time.monotonic() + wall
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            ended = "time_limit"
            break
        ready, _, _ = select.select([result_r], [], [], left)
        if not ready:
            continue
        chunk = os.read(result_r, 1 << 20)
        if not chunk:
            ended = "died"
            break
        buffer += chunk
        if len(buffer) > RESULT_CAP:
            ended = "output_limit"
            break
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = None
    if index >= len(names):
        return
    event = _test_output(run, index)
    if event["stdout_bytes"] >= int(limits["output_bytes"]) or ended == "output_limit":
        event.update(status="output_limit")
    elif ended == "time_limit":
        event.update(status="time_limit", duration_ms=limits["wall_s"] * 1000)
    elif status is not None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGXCPU:
            event.update(status="time_limit", duration_ms=limits["wall_s"] * 1000)
        elif sig == signal.SIGXFSZ:
            event.update(status="output_limit")
        else:
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            event.update(status="signal", signal=name)
    elif status is not None and os.WIFEXITED(status):
        event.update(status="exited", code=os.WEXITSTATUS(status))
    else:
        event.update(status="exited", code=None)
    yield event


def _test_output(run: Run, index: int) -> dict[str, Any]:
    """What test index printed (capped) and any traceback dump; removes both files."""
    scratch = run.job["scratch"]
    out_path = os.path.join(scratch, f"out-{index}.txt")
    tb_path = os.path.join(scratch, f"tb-{index}.txt")
    stdout, out_size, fault = "", 0, ""
    try:
        with open(out_path, "rb") as f:
            out_size = os.fstat(f.fileno()).st_size
            stdout = f.read(STDOUT_SHOWN).decode("utf-8", "replace")
        os.unlink(out_path)
    except OSError:
        pass
    try:
        with open(tb_path, "rb") as f:
            fault = f.read(20000).decode("utf-8", "replace")
        os.unlink(tb_path)
    except OSError:
        pass
    return {"stdout": stdout, "stdout_bytes": out_size, "fault": fault}


def _import_torch() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch

    torch.set_num_threads(1)


def main() -> None:
    """Read a job from stdin, run its tests, write events to stdout."""
    channel = os.dup(1)
    os.dup2(2, 1)  # anything printed by imports goes to stderr, not the event channel
    job = json.loads(sys.stdin.buffer.read())
    _become_subreaper()
    if job["kind"] == "torch":
        _import_torch()
    _register_packages()
    _run_job(job, channel)
    _reap()


def _run_job(job: dict[str, Any], channel: int) -> None:
    """The trusted side of one run: the reference's outputs if not given, the user's, the checks.

    Runs in a process where no judged code ever ran; judged code runs only in processes
    forked from here, and only their encoded outputs come back.
    """
    from mlkata.judge import api, wire

    tests_module = types.ModuleType("mlkata_hidden_tests")
    tests_module.__file__ = "<hidden tests>"
    exec(compile(job["tests_source"], "<hidden tests>", "exec"), tests_module.__dict__)
    collected = api.collect(tests_module.__dict__)
    drives = {spec.name: fn for spec, fn in collected}
    specs = {spec.name: spec for spec, _ in collected}
    names = list(job["tests"])
    missing = [n for n in names if n not in drives]
    job["_runner_pid"] = os.getpid()
    _emit(channel, {"event": "ready", "pid": os.getpid()})
    if missing:
        _emit(channel, {"event": "broken", "message": f"{job['tests_path']}: test {missing[0]} is not registered by @test"})
        return
    expected = job.get("expected")
    if expected is None:
        reference = Run(
            job,
            compile(job["reference"], job["reference_name"], "exec", dont_inherit=True),
            job["reference_name"],
            job["reference_limits"],
        )
        outputs = {}
        for name, event in _run_tests(reference, names, drives, api, wire):
            if event.get("status") != "ok":
                detail = (event.get("error") or {}).get("message") or event.get("status")
                _emit(
                    channel,
                    {"event": "broken", "message": f"the reference solution of {job['problem']} fails its test {name}: {detail}"},
                )
                return
            outputs[name] = event["output"]
        _emit(channel, {"event": "reference", "outputs": outputs})
        expected = outputs
    user = Run(job, compile(job["source"], job["filename"], "exec", dont_inherit=True), job["filename"], job["limits"])
    for name, event in _run_tests(user, names, drives, api, wire):
        if event.get("status") == "ok":
            _check(event, specs[name], expected[name], api, wire)
        event.update(event="test", name=name)
        _emit(channel, event)
    _emit(channel, {"event": "done"})


def _check(event: dict[str, Any], spec: Any, expected: Any, api: Any, wire: Any) -> None:
    """Compare a test's output with the reference's; replaces the output by the outcome."""
    raw = event.pop("output", None)
    try:
        got = wire.decode(raw)
        want = wire.decode(expected)
    except (wire.WireError, KeyError, TypeError, ValueError) as exc:
        event.update(passed=False, message=f"the output could not be read: {exc}")
        return
    try:
        spec.run_check(want, got)
    except api.Fail as fail:
        event.update(passed=False, message=fail.message)
    except Exception as exc:
        event.update(passed=False, message=f"the output could not be compared: {type(exc).__name__}: {exc}")
    else:
        event.update(passed=True)


def _reap() -> list[int]:
    """Reap every finished child; returns their pids."""
    done = []
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return done
        if pid == 0:
            return done
        done.append(pid)


def serve(socket_path: str, with_torch: bool = True) -> None:
    """The warm worker: import torch and the harness once, then a fresh process per run.

    Listens on a Unix socket; each connection carries one job (JSON, then end of input) and
    receives that job's events. A spare run process is forked ahead of time and waits in
    ``accept``; when it takes a connection the worker forks the next spare, so no run waits for
    a fork of the worker. The run process has its own session (the trusted side can kill its
    whole group), dies with this worker, and does exactly what a cold run does. The worker
    itself never runs a job, judged code or a check.
    """
    import socket

    parent = os.getppid()
    _die_with_parent(parent)
    _become_subreaper()
    has_torch = False
    if with_torch:
        try:
            _import_torch()
            has_torch = True
        except ImportError:
            pass  # a worker without torch still serves the pure-Python problems
    _register_packages()
    from mlkata.judge import api, wire  # noqa: F401  (imported once, inherited by every fork)

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    taken_r, taken_w = os.pipe()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    worker = os.getpid()

    def fork_spare() -> int:
        pid = os.fork()
        if pid != 0:
            return pid
        try:
            os.close(taken_r)
            os.setsid()
            _die_with_parent(worker)
            _set_name(b"mlkata-spare")
            conn, _ = listener.accept()
            _set_name(b"mlkata-run")
            os.write(taken_w, b"x")
            os.close(taken_w)
            listener.close()
            fd = conn.detach()
            data = b""
            while chunk := os.read(fd, 1 << 20):
                data += chunk
            os.dup2(2, 1)
            _run_job(json.loads(data), fd)
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)

    spare = fork_spare()
    os.write(1, (json.dumps({"event": "worker-ready", "torch": has_torch}) + "\n").encode())
    while True:
        if spare in _reap():
            spare = fork_spare()  # the spare died before taking a run
        ready, _, _ = select.select([taken_r], [], [], 0.5)
        if not ready:
            if os.getppid() != parent:
                os._exit(0)
            continue
        os.read(taken_r, 1)
        spare = fork_spare()


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--serve":
        serve(sys.argv[2], with_torch=sys.argv[3:] != ["--no-torch"])
    else:
        main()
