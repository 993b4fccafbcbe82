"""What a judged process may do: its resource limits, the forbidden APIs, and an audit hook.

This is not a security sandbox (ctypes can still call libc directly): it keeps ordinary code, and
obvious tricks, inside the run.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable
from typing import Any, NoReturn


class ForbiddenCall(BaseException):
    """A forbidden API was called (BaseException so ``except Exception`` cannot swallow it)."""


_FORBIDDEN_MODULE_NAMES = ("numpy", "torch", "scipy", "jax", "tensorflow")


def guard(forbidden: list[str], hits: list[str]) -> None:
    """Replace forbidden callables and block forbidden modules for the judged code."""
    modules = [name for name in forbidden if name in _FORBIDDEN_MODULE_NAMES or "." not in name]
    for dotted in forbidden:
        owner_name, _, attr = dotted.rpartition(".")
        owner = sys.modules.get(owner_name)
        if owner is None or not attr or not hasattr(owner, attr):
            continue
        _block_callable(owner, attr, dotted, hits)
    if modules:
        _block_modules(modules, hits)


def _block_callable(owner: Any, attr: str, dotted: str, hits: list[str]) -> None:
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
        return
    try:
        setattr(owner, attr, blocked)
    except (TypeError, AttributeError):
        pass


def _block_modules(modules: list[str], hits: list[str]) -> None:
    import importlib.abc

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


def set_limits(limits: dict[str, Any], total_cpu_s: float) -> None:
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


def cpu_limit_for_next_test(limits: dict[str, Any]) -> None:
    """The soft CPU limit: this test's budget on top of what the process has used so far."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(_cpu_used() + max(1.0, limits["cpu_s"]) + 0.999)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


MAX_SPAWNS = 16
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


def audit(scratch: str, private: list[str]) -> list[bool]:
    """An audit hook for the judged process (it cannot be removed once added).

    Files are written, created or removed only inside the scratch folder; the problem bank, the
    harness and the reference cache cannot be read or listed; no network; at most MAX_SPAWNS
    processes started by the judged process and none by those (a fork bomb stops there); its
    resource limits cannot be raised. Returns a flag the harness sets while it changes its own limits.
    """
    harness = [False]
    sys.addaudithook(_hook(scratch, private, harness))
    return harness


def _deny(message: str) -> NoReturn:
    raise PermissionError(message)


def _hook(scratch: str, private: list[str], harness: list[bool]) -> Callable[[str, tuple[Any, ...]], None]:
    resolve, inside = _path_rules()
    writable = (os.path.realpath(scratch), "/dev/null", "/dev/shm")
    hidden = tuple(os.path.realpath(p) for p in private)
    spawns = [0]
    judged = os.getpid()
    limits_kept = _limits_rule()
    # Bound here: judged code that replaces this module's globals does not change the hook.
    deny, write_flags, mutations, spawn_events, network = _deny, _WRITE_FLAGS, _MUTATIONS, _SPAWNS, _NETWORK
    max_spawns = MAX_SPAWNS

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path = resolve(args[0])
            if path is None:
                return
            if hidden and inside(path, hidden):
                deny(f"a judged run cannot read {path}")
            mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & write_flags)
            if writing and not inside(path, writable):
                deny(f"a judged run writes only in its scratch folder, not {path}")
        elif event in ("os.listdir", "os.scandir"):
            path = resolve(args[0] if args else ".")
            if path is not None and hidden and inside(path, hidden):
                deny(f"a judged run cannot list {path}")
        elif event in mutations:
            for arg in args[:2]:
                path = resolve(arg) if isinstance(arg, (str, bytes, os.PathLike)) else None
                if path is not None and not inside(path, writable):
                    deny(f"a judged run changes files only in its scratch folder, not {path}")
        elif event in spawn_events:
            # The count lives in the judged process only: its forks may not fork again.
            spawns[0] += 1
            if os.getpid() != judged or spawns[0] > max_spawns:
                deny(f"a judged run may start at most {max_spawns} processes, and they may not start more")
        elif event in network:
            deny("a judged run has no network access")
        elif event in ("resource.setrlimit", "resource.prlimit") and not harness[0]:
            limits_kept(event, args)

    return hook


def _path_rules() -> tuple[Callable[[Any], str | None], Callable[[str, tuple[str, ...]], bool]]:
    """resolve(path): its real absolute path (None for a file descriptor); inside(path, roots)."""
    realpath, join, sep, fsdecode = os.path.realpath, os.path.join, os.sep, os.fsdecode

    def resolve(path: Any) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        try:
            return realpath(join(os.getcwd(), fsdecode(path)))
        except (TypeError, ValueError, OSError):
            return None

    def inside(path: str, roots: tuple[str, ...]) -> bool:
        return any(path == r or path.startswith(r + sep) for r in roots)

    return resolve, inside


def _limits_rule() -> Callable[[str, tuple[Any, ...]], None]:
    """Refuses a resource.setrlimit / resource.prlimit that raises a limit (or that it cannot read)."""
    getrlimit, infinity, deny = resource.getrlimit, resource.RLIM_INFINITY, _deny

    def kept(event: str, args: tuple[Any, ...]) -> None:
        limits = args[-1] if args else None
        which = args[1] if event == "resource.prlimit" and len(args) > 1 else (args[0] if args else None)
        if not isinstance(limits, tuple) or len(limits) != 2 or not isinstance(which, int):
            deny("the judge's resource limits cannot be changed")
        current = getrlimit(which)
        for new, old in zip(limits, current, strict=True):
            if old != infinity and (new == infinity or new > old):
                deny("the judge's resource limits cannot be raised")

    return kept
