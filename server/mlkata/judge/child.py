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

import gc
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
from collections.abc import Iterable, Iterator
from typing import Any, NoReturn

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


MAX_SPAWNS = 16
_UNREAPED: list[int] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_MUTATIONS = frozenset(
    (
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.rename",
        "os.replace",
        "os.symlink",
        "os.link",
        "os.truncate",
        "os.chmod",
        "os.chown",
        "os.utime",
        "shutil.rmtree",
        "shutil.move",
        "shutil.copyfile",
        "shutil.copytree",
    )
)
_SPAWNS = frozenset(
    ("os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.system", "os.exec", "subprocess.Popen", "pty.spawn")
)
_NETWORK = frozenset(("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo"))


def _confine(scratch: str, private: list[str]) -> list[bool]:
    """An audit hook for the judged process (it cannot be removed once added).

    Files are written, created or removed only inside the scratch folder; the problem bank, the
    harness and the reference cache cannot be read or listed; no network; at most MAX_SPAWNS
    processes started by the judged process and none by those (a fork bomb stops there); its
    resource limits cannot be raised. This is not a
    security sandbox (ctypes can still call libc directly), it keeps ordinary code, and obvious
    tricks, inside the run. Returns a flag the harness sets while it changes its own limits.
    """
    realpath, join, sep, fsdecode = os.path.realpath, os.path.join, os.sep, os.fsdecode
    getrlimit, infinity = resource.getrlimit, resource.RLIM_INFINITY
    home = realpath(scratch)
    writable = (home, "/dev/null", "/dev/shm")
    hidden = tuple(realpath(p) for p in private)
    spawns = [0]
    judged = os.getpid()
    harness = [False]

    def resolve(path: Any) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        try:
            return realpath(join(os.getcwd(), fsdecode(path)))
        except (TypeError, ValueError, OSError):
            return None

    def inside(path: str, roots: tuple[str, ...]) -> bool:
        return any(path == r or path.startswith(r + sep) for r in roots)

    def deny(message: str) -> NoReturn:
        raise PermissionError(message)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path = resolve(args[0])
            if path is None:
                return
            if hidden and inside(path, hidden):
                deny(f"a judged run cannot read {path}")
            mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
            if writing and not inside(path, writable):
                deny(f"a judged run writes only in its scratch folder, not {path}")
        elif event in ("os.listdir", "os.scandir"):
            path = resolve(args[0] if args else ".")
            if path is not None and hidden and inside(path, hidden):
                deny(f"a judged run cannot list {path}")
        elif event in _MUTATIONS:
            for arg in args[:2]:
                path = resolve(arg) if isinstance(arg, (str, bytes, os.PathLike)) else None
                if path is not None and not inside(path, writable):
                    deny(f"a judged run changes files only in its scratch folder, not {path}")
        elif event in _SPAWNS:
            # The count lives in the judged process only: its forks may not fork again.
            spawns[0] += 1
            if os.getpid() != judged or spawns[0] > MAX_SPAWNS:
                deny(f"a judged run may start at most {MAX_SPAWNS} processes, and they may not start more")
        elif event in _NETWORK:
            deny("a judged run has no network access")
        elif event in ("resource.setrlimit", "resource.prlimit") and not harness[0]:
            limits = args[-1] if args else None
            which = args[1] if event == "resource.prlimit" and len(args) > 1 else (args[0] if args else None)
            if not isinstance(limits, tuple) or len(limits) != 2 or not isinstance(which, int):
                deny("the judge's resource limits cannot be changed")
            current = getrlimit(which)
            for new, old in zip(limits, current, strict=True):
                if old != infinity and (new == infinity or new > old):
                    deny("the judge's resource limits cannot be raised")

    sys.addaudithook(hook)
    return harness


def _kill_orphans() -> None:
    """Kill and reap the processes left to this (subreaper) process: judged code's escaped children."""
    me = os.getpid()
    for _ in range(20):
        try:
            with open(f"/proc/{me}/task/{me}/children") as f:
                pids = [int(p) for p in f.read().split()]
        except (OSError, ValueError):
            pids = []
        if not pids:
            return
        for pid in pids:
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


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


_HARNESS: list[Any] = []


def _harness_modules() -> list[Any]:
    """The harness's modules (found once: walking sys.modules in a fork copies every page it touches)."""
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
        self.harness_modules = _harness_modules()


def _judged_process(run: Run, names: list[str], start: int, drives: dict[str, Any], api: Any, wire: Any, result_w: int) -> None:
    """Body of a forked judged process: runs the tests names[start:] one after another. Never returns.

    Each test gets a fresh module from the source (module state never carries over), reseeded
    random generators, its own captured output, a CPU budget and a traceback dump just before
    its time is up. One JSON line per test goes back through the pipe.
    """
    write, exit_now, dumps = os.write, os._exit, json.dumps
    job = run.job
    me = os.getpid()
    try:
        os.setpgid(0, 0)
        _die_with_parent(job["_runner_pid"])
        _set_name(b"mlkata-judged")
        # Only the result pipe and the standard streams stay open: never the event channel.
        for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
            if fd > 2 and fd != result_w:
                try:
                    os.close(fd)
                except OSError:
                    pass
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
        harness = _confine(scratch, job.get("private") or [])
        import builtins

        # What judged code may replace and the harness relies on: restored after every test.
        saved = [(builtins, dict(builtins.__dict__))]
        saved += [(m, dict(m.__dict__)) for m in run.harness_modules]
        random_state = __import__("random")
        active_threads = __import__("threading").active_count
        threads_before = active_threads()
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
            harness[0] = True
            _cpu_limit_for_next_test(limits)
            harness[0] = False
            hits.clear()
            random_state.seed(0)
            if torch is not None:
                torch.manual_seed(0)
            status = _one_test(run, drives[names[index]], hits, api, wire, saved)
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
                data += b'{"restart": true}\n'
            view = memoryview(data)
            while view:
                view = view[write(result_w, view) :]
            if active_threads() > threads_before:
                exit_now(0)
        exit_now(0)
    except BaseException:
        exit_now(71)


def _restore(saved: list[tuple[Any, dict[str, Any]]]) -> None:
    for module, namespace in saved:
        current = module.__dict__
        for key in [k for k in current if k not in namespace]:
            del current[key]
        current.update(namespace)


def _one_test(run: Run, drive: Any, hits: list[str], api: Any, wire: Any, saved: list[Any]) -> dict[str, Any]:
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
        if job.get("capture"):
            output, inputs = _drive_capturing(drive, entry)
        else:
            output, inputs = drive(entry), None
    except BaseException as exc:
        elapsed = time.perf_counter() - start
        _restore(saved)
        verdict = "forbidden_api" if hits else _classify(exc, run.filename, api)
        info = _exception_info(exc)
        if hits and not isinstance(exc, ForbiddenCall):
            info["message"] = hits[0]
        return {"status": "error", "verdict": verdict, "error": info, "duration_ms": elapsed * 1000}
    elapsed = time.perf_counter() - start
    _restore(saved)
    if hits:
        return {
            "status": "error",
            "verdict": "forbidden_api",
            "error": {"type": "ForbiddenCall", "module": "", "message": hits[0], "frames": []},
            "duration_ms": elapsed * 1000,
        }
    try:
        status = {"status": "ok", "output": wire.encode(output), "duration_ms": elapsed * 1000}
        if inputs is not None:
            status["inputs"] = _summarise_inputs(inputs, output)
        return status
    except BaseException as exc:
        return {
            "status": "error",
            "verdict": "wrong_answer",
            "error": {"type": type(exc).__name__, "module": "", "message": f"the output could not be read: {exc}", "frames": []},
            "duration_ms": elapsed * 1000,
        }


_KEPT_LOCALS: list[dict[str, Any]] = []
_KEEP = "__mlkata_keep_locals__"


def _keep_locals(value: Any, scope: dict[str, Any]) -> Any:
    _KEPT_LOCALS.append(scope)
    return value


def _drive_capturing(drive: Any, entry: Any) -> tuple[Any, dict[str, Any]]:
    """Call a drive part of ``_capturing_tests`` and keep its local variables as they were when it returned.

    Only for trusted sources (the reference): the locals are the test's inputs, shown with a
    failing test so the user sees the case.
    """
    _KEPT_LOCALS.clear()
    output = drive(entry)
    seen = dict(_KEPT_LOCALS[-1]) if _KEPT_LOCALS else {}
    code = getattr(drive, "__code__", None)
    if code is not None and code.co_argcount:
        seen.pop(code.co_varnames[0], None)  # the entry point itself
    return output, seen


def _capturing_tests(source: str, drives: dict[str, Any], api: Any) -> dict[str, Any]:
    """The drive parts again, each ``return x`` made ``return keep(x, locals())``.

    Costs nothing while the test runs (a profile or trace hook made input-heavy tests three
    times slower), so the reference's time is the same with or without capturing.
    """
    import ast

    class Returns(ast.NodeTransformer):
        def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
            return node  # a nested function's returns are its own

        visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]
        visit_Lambda = visit_FunctionDef  # type: ignore[assignment]
        visit_ClassDef = visit_FunctionDef  # type: ignore[assignment]

        def visit_Return(self, node: ast.Return) -> ast.AST:
            value = node.value if node.value is not None else ast.Constant(None)
            scope = ast.Call(ast.Name("locals", ast.Load()), [], [])
            call = ast.Call(ast.Name(_KEEP, ast.Load()), [value, scope], [])
            return ast.copy_location(ast.Return(call), node)

    functions = {drive.__name__ for drive in drives.values()}
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            node.body = [Returns().visit(statement) for statement in node.body]
    code = compile(ast.fix_missing_locations(tree), "<hidden tests>", "exec")
    return {spec.name: fn for spec, fn in _execute_tests(code, api, {_KEEP: _keep_locals})}


def _summarise_inputs(found: dict[str, Any], output: Any) -> list[list[str]]:
    """[name, summary] of the data among a drive part's locals that is not part of its output."""
    from mlkata.judge import compare

    returned: set[int] = set()
    stack, depth = [output], 0
    while stack and depth < 3:
        returned.update(id(v) for v in stack)
        nxt: list[Any] = []
        for v in stack:
            if isinstance(v, dict):
                nxt.extend(v.values())
            elif isinstance(v, (list, tuple)):
                nxt.extend(v)
        stack, depth = nxt, depth + 1
    data = (bool, int, float, str, list, tuple, dict)
    shown = []
    for name, value in found.items():
        if name.startswith("_") or id(value) in returned:
            continue
        returned.add(id(value))  # the same object under a second name (a loop variable) once
        if not (compare.is_tensor(value) or isinstance(value, data)):
            continue
        try:
            shown.append([name, compare.summary(value)])
        except Exception:
            continue
        if len(shown) >= 12:
            break
    return shown


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
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.job_w, view) :]
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
        _die_with_parent(parent)
        _set_name(b"mlkata-judged")
        for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
            if fd > 2 and fd not in (job_r, result_w):
                try:
                    os.close(fd)
                except OSError:
                    pass
        data = LineReader(job_r).line()
        os.close(job_r)
        if not data:
            os._exit(0)
        job = json.loads(data)
        job["_runner_pid"] = parent
        from mlkata.judge import api, wire

        names, drives = _with_examples(job, list(job["tests"]), _hidden_tests(job["tests_source"], api)[0])
        run = Run(job, compile(job["source"], job["filename"], "exec", dont_inherit=True), job["filename"], job["limits"])
        _judged_process(run, names, 0, drives, api, wire, result_w)
    except BaseException:
        os._exit(71)


def _run_tests(
    run: Run, names: list[str], drives: dict[str, Any], api: Any, wire: Any, first: tuple[int, int] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Run every test in judged processes; yields (name, event) as each finishes.

    One process runs the tests in order; when one ends it (time limit, crash, exit), a fresh
    process goes on with the next test. ``first`` is a judged process already started on this run.
    """
    start = 0
    end = time.monotonic() + run.limits["total_s"]
    retried: set[int] = set()
    while start < len(names):
        if time.monotonic() >= end:
            for name in names[start:]:
                yield name, {"status": "total_time_limit", "stdout": "", "stdout_bytes": 0, "fault": ""}
            return
        if first is not None:
            (pid, result_r), first = first, None
        else:
            result_r, result_w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(result_r)
                _judged_process(run, names, start, drives, api, wire, result_w)
            os.close(result_w)
        index = start
        try:
            for event in _supervise(run, names, start, pid, result_r, end):
                if event.get("status") == "signal" and event.get("signal") != "SIGKILL" and index not in retried:
                    # A crash is reported only if a fresh process crashes on that test too: the
                    # harness around the user's code (a watchdog thread, signal handlers) must
                    # never be the reason a test fails.
                    retried.add(index)
                    break
                yield names[index], event
                index += 1
                if event.get("status") == "time_limit" and run.job.get("stop_at_time_limit"):
                    for name in names[index:]:
                        yield name, {"status": "not_run", "stdout": "", "stdout_bytes": 0, "fault": ""}
                    return
        finally:
            os.close(result_r)
        start = index


def _supervise(run: Run, names: list[str], start: int, pid: int, result_r: int, end: float) -> Iterator[dict[str, Any]]:
    """Events of one judged process, a test at a time, until it finishes or one test ends it.

    Each test has its wall-clock limit; the run as a whole ends at ``end`` (its total limit).
    """
    limits = run.limits
    wall = limits["wall_s"] + GRACE_S
    deadline = min(time.monotonic() + wall, end)
    buffer = b""
    index = start
    ended: str | None = None
    while index < len(names):
        newline = buffer.find(b"\n")
        if newline >= 0:
            line, buffer = buffer[:newline], buffer[newline + 1 :]
            if line == b'{"restart": true}':
                ended = "restart"
                break
            event = _test_output(run, index)
            try:
                event.update(json.loads(line))
            except ValueError:
                event.update(status="exited", code=None)
            if event["stdout_bytes"] >= int(limits["output_bytes"]):
                event.update(status="output_limit")  # writes past the cap failed; whatever it returned
            yield event
            index += 1
            deadline = min(time.monotonic() + wall, end)
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            ended = "total_time_limit" if deadline >= end else "time_limit"
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
    if index >= len(names):
        _UNREAPED.append(pid)  # every result is in: reaped later, by _reap_run
        return
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = None
    if ended == "restart":
        return
    event = _test_output(run, index)
    if event["stdout_bytes"] >= int(limits["output_bytes"]) or ended == "output_limit":
        event.update(status="output_limit")
    elif ended in ("time_limit", "total_time_limit"):
        event.update(status=ended, duration_ms=limits["wall_s"] * 1000)
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


def _warm_up(api: Any, wire: Any) -> None:
    """Exercise the checks once, so lazy imports inside torch (some cost 0.6 s) happen before any fork."""
    torch = sys.modules.get("torch")
    samples: list[tuple[Any, Any]] = [([1, 2.5, "a"], [1, 2.0, "b"]), ({"x": 1.0}, {"x": 1.5})]
    if torch is not None:
        gen = torch.Generator().manual_seed(0)
        a = torch.randn(2, 3, 4, generator=gen)
        samples += [
            (a, a * 1.5),
            (a, a.clone()),
            (a.double(), a.double() + 1e-3),
            (torch.arange(6), torch.arange(6) + 1),
            (a > 0, a > 0.5),
            (a, a[..., :2]),
            ((a, a.sum()), (a, a.sum() + 1)),
            (a, float("nan") * a),
        ]
    for expected, got in samples:
        try:
            api.same(wire.decode(wire.encode(expected)), wire.decode(wire.encode(got)), "out")
        except Exception:
            pass


def _import_torch() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch

    torch.set_num_threads(1)


def main() -> None:
    """Read a job from stdin, run its tests, write events to stdout."""
    channel = os.dup(1)
    os.dup2(2, 1)  # anything printed by imports goes to stderr, not the event channel
    reader = LineReader(0)
    first = reader.line()
    reader.buffer = first + b"\n" + reader.buffer
    _become_subreaper()
    if json.loads(first).get("kind") == "torch":
        _import_torch()
    _register_packages()
    _run_job(channel, reader)
    _reap()


_PRELOADED: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
"""Hidden tests executed by the warm worker before any fork, by the SHA-256 of their source."""


def _hidden_tests(source: str, api: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(drive function, check spec) per test name of a tests.py source (preloaded if known)."""
    import hashlib

    key = hashlib.sha256(source.encode()).hexdigest()
    if key in _PRELOADED:
        return _PRELOADED[key]
    collected = _execute_tests(compile(source, "<hidden tests>", "exec"), api)
    return {spec.name: fn for spec, fn in collected}, {spec.name: spec for spec, _ in collected}


def _execute_tests(code: Any, api: Any, names: dict[str, Any] | None = None) -> list[tuple[Any, Any]]:
    """Execute compiled hidden tests as a module (``names`` bound in it first); (spec, drive) of each."""
    tests_module = types.ModuleType("mlkata_hidden_tests")
    tests_module.__file__ = "<hidden tests>"
    tests_module.__dict__.update(names or {})
    exec(code, tests_module.__dict__)
    return list(api.collect(tests_module.__dict__))


def _preload(roots: list[str], api: Any, with_torch: bool) -> None:
    """Execute the hidden tests of every problem under roots (of the kinds this worker serves)."""
    import hashlib
    import tomllib

    for root in roots:
        try:
            folders = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError:
            continue
        for folder in folders:
            try:
                with open(os.path.join(folder.path, "problem.toml"), "rb") as f:
                    kind = tomllib.load(f).get("kind")
                with open(os.path.join(folder.path, "tests.py"), encoding="utf-8") as f:
                    source = f.read()
            except (OSError, ValueError):
                continue
            if kind == "torch" and not with_torch:
                continue
            try:
                _PRELOADED[hashlib.sha256(source.encode()).hexdigest()] = _hidden_tests(source, api)
            except Exception:
                continue  # a broken problem is reported when it is judged


class LineReader:
    """Lines from a file descriptor (the job, then the expected outputs, arrive as separate lines)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def line(self) -> bytes:
        while b"\n" not in self.buffer:
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                line, self.buffer = self.buffer, b""
                return line
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line


def _run_job(channel: int, reader: LineReader, judged: JudgedSpare | None = None) -> None:
    """The trusted side of one run; ``judged`` is a judged process forked ahead of time.

    The job comes first, without any expected output. In ``outputs`` mode (trusted sources: the
    reference, the declared mistakes) each source's outputs are sent back. Otherwise the user's
    source runs in judged processes and every output is collected; only then, after the last
    judged process has ended, are the expected outputs asked for (``{"event": "outputs"}``) and
    read, so no judged process is ever forked from a process holding them. The checks follow.
    """
    data = reader.line()
    try:
        _run_job_in(json.loads(data), channel, data, reader, judged)
    finally:
        if judged is not None and judged.job_w >= 0:
            judged.discard()
    _reap_run()
    _emit(channel, {"event": "done"})


def _reap_run() -> None:
    """Reap the run's judged processes, then kill what they left behind (reparented to this process)."""
    for pid in _UNREAPED:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    _UNREAPED.clear()
    _kill_orphans()


def _run_job_in(job: dict[str, Any], channel: int, data: bytes, reader: LineReader, judged: JudgedSpare | None) -> None:
    from mlkata.judge import api, wire

    drives, specs = _hidden_tests(job["tests_source"], api)
    names = list(job["tests"])
    missing = [n for n in names if n not in drives]
    job["_runner_pid"] = os.getpid()
    _emit(channel, {"event": "ready", "pid": os.getpid()})
    if missing:
        _emit(channel, {"event": "broken", "message": f"{job['tests_path']}: test {missing[0]} is not registered by @test"})
        return
    if job.get("mode") == "outputs":
        for source_name, source in job["sources"].items():
            _emit(channel, _outputs_of(job, source_name, source, names, drives, api, wire))
        return
    first = None
    if judged is not None:
        first = judged.start(data)
        judged.job_w = -1
    user = Run(job, compile(job["source"], job["filename"], "exec", dont_inherit=True), job["filename"], job["limits"])
    names, drives = _with_examples(job, names, drives)
    gc.freeze()  # a judged process's collections never walk (and so never copy) the objects it inherits
    events = list(_run_tests(user, names, drives, api, wire, first))
    _emit(channel, {"event": "outputs"})
    _reap_run()  # while the expected outputs are on their way
    secret = json.loads(reader.line() or b"{}")
    expected = secret.get("expected") or {}
    explain = secret.get("explain") or {}
    wrong: list[tuple[str, dict[str, Any], Any, Any]] = []
    for name, event in events:
        if name == EXAMPLES:
            _examples_event(event, wire)
        elif event.get("status") == "ok":
            got = _check(event, specs[name], expected.get(name), api, wire)
            if got is not _UNREAD and event.get("passed") is False:
                wrong.append((name, event, specs[name], got))
    if wrong and explain:
        # Only now, and only for a wrong answer, the declared mistakes' outputs are asked for.
        _emit(channel, {"event": "mistakes"})
        known = json.loads(reader.line() or b"{}").get("mistakes") or {}
        for name, event, spec, got in wrong:
            candidates = [(explain[m], outs.get(name)) for m, outs in known.items() if m in explain and isinstance(outs, dict)]
            _explain(event, spec, got, candidates, api, wire)
    for name, event in events:
        event.update(event="test", name=name)
        _emit(channel, event)


EXAMPLES = "__examples__"
"""Name of the pseudo-test that runs the user's own examples."""


def _with_examples(job: dict[str, Any], names: list[str], drives: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
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


def _examples_event(event: dict[str, Any], wire: Any) -> None:
    """The examples pseudo-test's event: its decoded results, or why they did not run."""
    raw = event.pop("output", None)
    if event.get("status") == "ok":
        try:
            event["examples"] = wire.decode(raw)
        except Exception as exc:
            event["examples"] = []
            event["message"] = f"the examples' output could not be read: {exc}"


def _outputs_of(
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
            "event": "outputs",
            "source": source_name,
            "outputs": dict.fromkeys(names),
            "failures": dict.fromkeys(names, str(exc)),
        }
    capture = source_name == "reference"
    if capture:
        drives = _capturing_tests(job["tests_source"], drives, api)
    run = Run(job | {"capture": capture}, code, filename, job["limits"])
    inputs: dict[str, Any] = {}
    for test, event in _run_tests(run, names, drives, api, wire):
        inputs[test] = event.get("inputs") or []
        if event.get("status") == "ok":
            outputs[test] = event["output"]
        else:
            outputs[test] = None
            failures[test] = str((event.get("error") or {}).get("message") or event.get("status"))
    return {"event": "outputs", "source": source_name, "outputs": outputs, "failures": failures, "inputs": inputs}


_UNREAD = object()


def _check(event: dict[str, Any], spec: Any, expected: Any, api: Any, wire: Any) -> Any:
    """Compare a test's output with the reference's; replaces the output by the outcome.

    Returns the decoded output (``_UNREAD`` when it could not be read or compared).
    """
    raw = event.pop("output", None)
    try:
        got = wire.decode(raw)
        want = wire.decode(expected)
    except (wire.WireError, KeyError, TypeError, ValueError) as exc:
        event.update(passed=False, message=f"the output could not be read: {exc}")
        return _UNREAD
    try:
        spec.run_check(want, got)
    except api.Fail as fail:
        event.update(passed=False, message=fail.message, details=[str(d) for d in getattr(fail, "details", [])][:12])
    except Exception as exc:
        event.update(passed=False, message=f"the output could not be compared: {type(exc).__name__}: {exc}")
        return _UNREAD
    else:
        event.update(passed=True)
    return got


def _explain(event: dict[str, Any], spec: Any, got: Any, mistakes: Iterable[tuple[str, Any]], api: Any, wire: Any) -> None:
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


def _reap() -> list[int]:
    """Reap every finished child; returns their pids."""
    done: list[int] = []
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return done
        if pid == 0:
            return done
        done.append(pid)


def serve(socket_path: str, with_torch: bool = True, preload: list[str] | None = None) -> None:
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
    from mlkata.judge import api, wire  # imported once, inherited by every fork

    _warm_up(api, wire)
    _preload(preload or [], api, has_torch)
    _harness_modules()
    gc.collect()
    gc.freeze()

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
            _become_subreaper()
            _set_name(b"mlkata-spare")
            judged = JudgedSpare()
            conn, _ = listener.accept()
            _set_name(b"mlkata-run")
            os.write(taken_w, b"x")
            os.close(taken_w)
            listener.close()
            fd = conn.detach()
            os.dup2(2, 1)
            _run_job(fd, LineReader(fd), judged)
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
    if len(sys.argv) >= 3 and sys.argv[1] == "--serve":
        options = sys.argv[3:]
        roots = options[options.index("--preload") + 1 :] if "--preload" in options else []
        serve(sys.argv[2], with_torch="--no-torch" not in options, preload=roots)
    else:
        main()
