"""The processes of a run: their names, dying with their parent, reaping, killing what they leave.

The run process is a subreaper: a judged process's escaped children are reparented to it, and
killed and reaped when the run ends. Every process of a run dies with its parent.
"""

from __future__ import annotations

import os
import signal

from mlkata.judge.child.protocol import Exit


def set_name(name: bytes) -> None:
    """The process name ps and /proc show (mlkata-spare, mlkata-run, mlkata-judged)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(15, ctypes.c_char_p(name), 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def die_with_parent(parent: int) -> None:
    """Be killed when the parent dies; exit now if it (pid ``parent``) is already gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(Exit.PARENT_DIED)


def become_subreaper() -> None:
    """Orphaned descendants (a judged process's leftover children) are reparented here and reaped."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def close_fds_except(keep: tuple[int, ...]) -> None:
    """Close every file descriptor but the standard streams and ``keep``."""
    for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def kill_orphans() -> None:
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


def reap_finished() -> list[int]:
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
