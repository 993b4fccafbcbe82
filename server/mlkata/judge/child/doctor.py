"""The sandbox's self-check (``__main__.py --sandbox-check``): what the kernel offers, and whether it holds.

A process is forked, confined exactly as a judged process is (:func:`~mlkata.judge.child.sandbox.apply`),
and tries what a hostile solution would: read a private file, write outside its scratch folder,
write inside it, start a process, open a socket, signal its parent, read its parent's memory.
Each attempt's outcome comes back through a pipe, so ``mlkata doctor`` reports what was checked
on this machine, not what should hold.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable

from mlkata.judge.child import sandbox

REFUSED, ALLOWED = "refused", "allowed"


def _attempts(private_file: str, outside: str, scratch: str, parent: int, port: int) -> dict[str, Callable[[], object]]:
    """What a hostile solution tries, by the protection it tests; each should raise (but writing in scratch)."""

    def read_private() -> object:
        with open(private_file) as f:
            return f.read()

    def write(path: str) -> Callable[[], object]:
        def attempt() -> object:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
            os.close(fd)
            return path

        return attempt

    def fork() -> object:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        return pid

    def connect() -> object:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return port

    def read_memory() -> object:
        with open(f"/proc/{parent}/mem", "rb") as f:
            return f

    return {
        "files: reading the problem bank": read_private,
        "files: writing outside the scratch folder": write(outside),
        "files: writing /dev/shm": write(f"/dev/shm/mlkata-doctor-{os.getpid()}"),
        "processes: starting one": fork,
        "network: connecting to a local TCP port": connect,
        "signals: signalling the supervising process": lambda: os.kill(parent, signal.SIGCONT),
        "memory: reading the supervising process's": read_memory,
        "scratch: writing inside it (must be allowed)": write(os.path.join(scratch, "allowed.txt")),
    }


def self_check(off: list[str]) -> dict[str, object]:
    """Confine a forked process and try each attempt there; the probe, and each attempt's outcome."""
    found = sandbox.probe(off)
    base = tempfile.mkdtemp(prefix="mlkata-doctor-")
    try:
        private, scratch = os.path.join(base, "bank"), os.path.join(base, "scratch")
        os.mkdir(private)
        os.mkdir(scratch)
        private_file = os.path.join(private, "solution.py")
        with open(private_file, "w") as f:
            f.write("secret = 1\n")
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            attempts = _attempts(private_file, os.path.join(base, "outside"), scratch, os.getpid(), listener.getsockname()[1])
            outcomes = _run_confined(found, scratch, [private], attempts)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return {"sandbox": found, "protections": sandbox.protections(found), "checks": outcomes}


def _run_confined(
    found: dict[str, object], scratch: str, private: list[str], attempts: dict[str, Callable[[], object]]
) -> dict[str, str]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        outcomes: dict[str, str] = {}
        try:
            sandbox.apply(found, scratch, private, None)
        except sandbox.SandboxError as exc:
            outcomes["sandbox"] = f"could not be applied: {exc}"
        else:
            for name, attempt in attempts.items():
                try:
                    attempt()
                except OSError as exc:
                    outcomes[name] = f"{REFUSED} ({exc.strerror or exc})"
                else:
                    outcomes[name] = ALLOWED
        os.write(write, json.dumps(outcomes).encode())
        os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.unlink(f"/dev/shm/mlkata-doctor-{os.getpid()}")  # written where the sandbox is off: leave nothing behind
    return json.loads(data or b"{}")
