"""The judged side: runs the drive part of each hidden test against one source text.

Started as ``python -P child.py`` by :mod:`mlkata.judge.runner`, in the interpreter the user
chose, so it imports only the standard library (and torch for torch problems). It reads one
job (JSON) from stdin and writes one JSON event per line to its original stdout.

For each test it forks a fresh process that: moves into its own process group, dies with
its parent, points stdout/stderr at a capped file in the scratch folder, sets its limits
(address space, CPU, file size), executes the user's source as a fresh module, calls the
test's drive function and sends the encoded output back through a pipe. This process
supervises: wall-clock timeout, output size, exit status. It never sees expected values:
those live only on the trusted side, which does the comparison.
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


def _set_limits(job: dict[str, Any]) -> None:
    limits = job["limits"]
    page = os.sysconf("SC_PAGE_SIZE")
    with open("/proc/self/statm") as f:
        vm_now = int(f.read().split()[0]) * page
    address_space = vm_now + int(limits["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = max(1, int(limits["cpu_s"] + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    out = int(limits["output_bytes"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (out, out))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(70)


def _run_test(job: dict[str, Any], index: int, drive: Any, code: Any, api: Any, wire: Any, result_w: int) -> None:
    """Body of the forked process for one test. Never returns."""
    write, exit_now, dumps = os.write, os._exit, json.dumps
    filename = job["filename"]
    status: dict[str, Any]
    try:
        os.setpgid(0, 0)
        _die_with_parent(job["_runner_pid"])
        scratch = job["scratch"]
        out_fd = os.open(os.path.join(scratch, f"out-{index}.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        os.close(out_fd)
        os.close(null)
        sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
        os.chdir(scratch)
        import faulthandler

        tb_file = open(os.path.join(scratch, f"tb-{index}.txt"), "w")  # noqa: SIM115
        faulthandler.enable(file=tb_file)
        wall = job["limits"]["wall_s"]
        # Dump just before the CPU limit or the supervisor can end the process.
        faulthandler.dump_traceback_later(max(0.05, wall - min(0.2, wall / 10)), exit=False, file=tb_file)
        _set_limits(job)
        hits: list[str] = []
        if job["forbidden"]:
            _guard(job["forbidden"], hits)
        random_state = __import__("random")
        random_state.seed(0)
        torch = sys.modules.get("torch")
        if torch is not None:
            torch.manual_seed(0)
        module = types.ModuleType("solution")
        module.__file__ = filename
        sys.modules["solution"] = module
        start = time.perf_counter()
        try:
            exec(code, module.__dict__)
            entry = module.__dict__.get(job["entry"])
            if entry is None:
                raise api.WrongAnswer(f"your file defines no `{job['entry']}` (the entry point this problem calls)")
            output = drive(entry)
        except BaseException as exc:
            elapsed = time.perf_counter() - start
            verdict = "forbidden_api" if hits else _classify(exc, filename, api)
            info = _exception_info(exc)
            if hits and not isinstance(exc, ForbiddenCall):
                info["message"] = hits[0]
            status = {"status": "error", "verdict": verdict, "error": info, "duration_ms": elapsed * 1000}
        else:
            elapsed = time.perf_counter() - start
            if hits:
                status = {
                    "status": "error",
                    "verdict": "forbidden_api",
                    "error": {"type": "ForbiddenCall", "module": "", "message": hits[0], "frames": []},
                    "duration_ms": elapsed * 1000,
                }
            else:
                try:
                    status = {"status": "ok", "output": wire.encode(output), "duration_ms": elapsed * 1000}
                except BaseException as exc:
                    status = {
                        "status": "error",
                        "verdict": "wrong_answer",
                        "error": {
                            "type": type(exc).__name__,
                            "module": "",
                            "message": f"the output could not be read: {exc}",
                            "frames": [],
                        },
                        "duration_ms": elapsed * 1000,
                    }
        faulthandler.cancel_dump_traceback_later()
        data = dumps(status, allow_nan=True).encode()
        view = memoryview(data)
        while view:
            view = view[write(result_w, view) :]
        exit_now(0)
    except BaseException:
        exit_now(71)


def _supervise(job: dict[str, Any], index: int, pid: int, result_r: int) -> dict[str, Any]:
    limits = job["limits"]
    deadline = time.monotonic() + limits["wall_s"] + GRACE_S
    chunks: list[bytes] = []
    size = 0
    killed_for = None
    eof = False
    while not eof:
        left = deadline - time.monotonic()
        if left <= 0:
            killed_for = "time_limit"
            break
        ready, _, _ = select.select([result_r], [], [], left)
        if not ready:
            continue
        chunk = os.read(result_r, 1 << 20)
        if not chunk:
            eof = True
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > RESULT_CAP:
            killed_for = "output_limit"
            break
    status = None
    if killed_for is None:
        # The result is in (or the process died); give it a moment to exit on its own.
        end = time.monotonic() + GRACE_S
        while time.monotonic() < end:
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
                break
            time.sleep(0.002)
        else:
            killed_for = "lingered"
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if status is None:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    os.close(result_r)
    scratch = job["scratch"]
    out_path = os.path.join(scratch, f"out-{index}.txt")
    out_size = os.path.getsize(out_path) if os.path.exists(out_path) else 0
    with open(out_path, "rb") if os.path.exists(out_path) else open(os.devnull, "rb") as f:
        stdout = f.read(STDOUT_SHOWN).decode("utf-8", "replace")
    tb_path = os.path.join(scratch, f"tb-{index}.txt")
    with open(tb_path, "rb") if os.path.exists(tb_path) else open(os.devnull, "rb") as f:
        tb_text = f.read(20000).decode("utf-8", "replace")
    for path in (out_path, tb_path):
        if os.path.exists(path):
            os.unlink(path)
    event: dict[str, Any] = {"stdout": stdout, "stdout_bytes": out_size, "fault": tb_text}
    if out_size >= int(limits["output_bytes"]):
        event.update(status="output_limit")
        return event
    if killed_for in ("time_limit", "output_limit"):
        event.update(status=killed_for, duration_ms=limits["wall_s"] * 1000)
        return event
    raw = b"".join(chunks)
    if raw:
        try:
            event.update(json.loads(raw))
            if killed_for == "lingered":
                event["lingered"] = True
            return event
        except ValueError:
            pass
    if status is not None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGXCPU:
            event.update(status="time_limit", duration_ms=limits["wall_s"] * 1000)
        elif sig == signal.SIGXFSZ:
            event.update(status="output_limit")
        else:
            event.update(
                status="signal", signal=signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            )
    elif status is not None and os.WIFEXITED(status):
        event.update(status="exited", code=os.WEXITSTATUS(status))
    else:
        event.update(status="exited", code=None)
    return event


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
    _run_job(job, channel)


def _run_job(job: dict[str, Any], channel: int) -> None:
    os.environ["HOME"] = job["scratch"]
    os.environ["TMPDIR"] = job["scratch"]
    os.chdir(job["scratch"])
    if job["kind"] == "torch":
        _import_torch()
    _register_packages()
    from mlkata.judge import api, wire

    tests_module = types.ModuleType("mlkata_hidden_tests")
    tests_module.__file__ = "<hidden tests>"
    exec(compile(job["tests_source"], "<hidden tests>", "exec"), tests_module.__dict__)
    drives = {spec.name: fn for spec, fn in api.collect(tests_module.__dict__)}
    code = compile(job["source"], job["filename"], "exec", dont_inherit=True)
    job["_runner_pid"] = os.getpid()
    _emit(channel, {"event": "ready", "pid": os.getpid()})
    for index, name in enumerate(job["tests"]):
        drive = drives.get(name)
        if drive is None:
            _emit(channel, {"event": "test", "name": name, "status": "missing"})
            continue
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(result_r)
            _run_test(job, index, drive, code, api, wire, result_w)
        os.close(result_w)
        event = _supervise(job, index, pid, result_r)
        event.update(event="test", name=name)
        _emit(channel, event)
    _emit(channel, {"event": "done"})


def serve(socket_path: str) -> None:
    """The warm worker: import torch and the harness once, then fork a fresh process per job.

    Listens on a Unix socket; each connection carries one job (JSON, then end of input) and
    receives that job's events. The forked job process gets its own session (so the trusted side
    can kill its whole group), dies with this worker, and runs exactly what ``main`` runs.
    """
    import socket

    parent = os.getppid()
    _die_with_parent(parent)
    try:
        _import_torch()
        has_torch = True
    except ImportError:
        has_torch = False  # a worker without torch still serves the pure-Python problems
    _register_packages()
    from mlkata.judge import api, wire  # noqa: F401  (imported once, inherited by every fork)

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(16)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.write(1, (json.dumps({"event": "worker-ready", "torch": has_torch}) + "\n").encode())
    while True:
        while True:  # reap finished job processes
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        ready, _, _ = select.select([listener], [], [], 1.0)
        if not ready:
            if os.getppid() != parent:
                os._exit(0)
            continue
        conn, _ = listener.accept()
        worker = os.getpid()
        pid = os.fork()
        if pid == 0:
            try:
                listener.close()
                os.setsid()
                _die_with_parent(worker)
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
        conn.close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2])
    else:
        main()
