"""What a judged process may do, as the interpreter sees it: its resource limits and an audit hook (and the ForbiddenCall it raises).

Not the security boundary (ctypes calls libc directly, a directory handle opens what no path
names): the kernel holds that (:mod:`~mlkata.judge.child.sandbox`). This layer is the second line,
and the one that gives clear messages ("writes only in its scratch folder, not ...") where the
kernel would only say "Permission denied".
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable
from typing import Any, NoReturn


class ForbiddenCall(BaseException):
    """A forbidden API was called (BaseException so ``except Exception`` cannot swallow it)."""


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

    Files are written, created or removed only inside the scratch folder (``/dev/shm`` is not);
    the problem bank, the harness and the reference cache cannot be read or listed; no network;
    no process or program started (the kernel refuses it too: threads only); its resource limits
    cannot be raised. Returns a flag the harness sets while it changes its own limits.
    """
    harness = [False]
    sys.addaudithook(_hook(scratch, private, harness))
    return harness


def _deny(message: str) -> NoReturn:
    raise PermissionError(message)


def _hook(scratch: str, private: list[str], harness: list[bool]) -> Callable[[str, tuple[Any, ...]], None]:
    resolve, inside = _path_rules()
    writable = (os.path.realpath(scratch), "/dev/null")
    hidden = tuple(os.path.realpath(p) for p in private)
    limits_kept = _limits_rule()
    # Bound here: judged code that replaces this module's globals does not change the hook.
    deny, write_flags, mutations, spawn_events, network = _deny, _WRITE_FLAGS, _MUTATIONS, _SPAWNS, _NETWORK

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
            deny(f"a judged run cannot start processes or programs ({event})")
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
