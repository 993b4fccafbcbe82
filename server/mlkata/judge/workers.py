"""Warm workers: long-lived run processes with torch, the harness and the hidden tests imported.

Each forks a fresh run process per run (see :mod:`mlkata.judge.child.worker`); the trusted side
connects to it over a Unix socket (:func:`mlkata.judge.runner.run_child`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mlkata.judge.child.protocol import Event

_log = logging.getLogger(__name__)

CHILD = Path(__file__).with_name("child") / "__main__.py"
"""The run process's script (``python -P CHILD`` runs a job; ``--serve`` makes it the warm worker)."""
STARTUP_S = 120.0
"""How long a run process or a worker may take to start (imports included)."""


def child_env() -> dict[str, str]:
    """The environment of a run process: one thread per math library, no bytecode files, fixed hashing."""
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    return env


class WarmWorker:
    """A long-lived process with torch and the harness imported, forking a fresh process per run.

    Started in the background (:meth:`start`); a run waits a little for a start in progress (see
    :func:`_pick_worker`), else, and whenever it failed or died, falls back to a cold process; a
    dead worker is restarted.
    """

    def __init__(self, python: str = sys.executable, *, torch: bool = True, preload: Sequence[Path] = ()) -> None:
        self.python = python
        self.with_torch = torch
        """Whether it imports torch (False: it serves pure-Python problems only)."""
        self.preload = [str(p) for p in preload]
        """Problem folders whose hidden tests it loads once at start (others are loaded per run)."""
        self.proc: subprocess.Popen[bytes] | None = None
        self.torch = False
        self._ready = False
        self._folder: str | None = None
        self._starting: asyncio.Task[None] | None = None
        self._spawned = False
        self.failures = 0
        """Runs it failed to start (each one restarted it)."""
        self.sandbox: dict[str, Any] = {}
        """What confines the judged processes of its runs, as it probed at start (:func:`mlkata.judge.child.sandbox.probe`)."""

    @property
    def socket_path(self) -> str:
        assert self._folder is not None
        return os.path.join(self._folder, "worker.sock")

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self.proc.pid if self.proc is not None and self.proc.poll() is None else None

    def describe(self) -> str:
        """What its process and their children are doing (from /proc), for the log of a failure."""
        pid = self.pid
        if pid is None:
            return "The worker process is gone."
        return "Its processes (> marks a child): " + "; ".join(">" * depth + row for depth, row in _process_tree(pid))

    def serves(self, kind: str) -> bool:
        """True when it is up and can run a problem of this kind (restarts it if it died or is stuck)."""
        if not self._ready:
            return False
        why = self.health()
        if why is not None:
            _log.warning(
                "the warm worker (%s) %s; restarting it, runs go cold meanwhile", "torch" if self.with_torch else "no torch", why
            )
            self.restart()
            return False
        return kind != "torch" or self.torch

    def health(self) -> str | None:
        """Why it cannot serve runs (None: it can): gone, or it or its spare stopped or dead (read from /proc).

        Cheap (a few small reads), so it is checked before every run and by the server's watchdog;
        a worker stopped by a signal would otherwise take every run's start timeout.
        """
        pid = self.pid
        if pid is None:
            return "its process is gone" if self._ready else None
        state = _state(pid)
        if state in _STUCK:
            return f"it is {_STUCK[state]}"
        for child in _read(f"/proc/{pid}/task/{pid}/children").split():
            # Its children are runs (named mlkata-run once they took one) and the spare (named or about to be).
            if _read(f"/proc/{child}/comm") != "mlkata-run" and _state(int(child)) in _STUCK:
                return f"its spare run process {child} is {_STUCK[_state(int(child))]}"
        return None

    def start(self) -> asyncio.Task[None]:
        """Start it in the background (once); returns the task that finishes when it is ready."""
        running = self._starting is not None and (not self._starting.done() or (self._ready and self.pid is not None))
        if not running:
            self._starting = asyncio.ensure_future(self.start_now())
        assert self._starting is not None
        return self._starting

    async def settle(self, timeout: float) -> None:
        """Wait (at most timeout seconds) for a start in progress to end, ready or failed."""
        task = self._starting
        if task is not None and not task.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), timeout)

    def restart(self) -> None:
        """Forget a dead worker and start a new one in the background."""
        self._kill()
        self.start()

    def spawn(self) -> None:
        """Start its process now, without waiting: :meth:`start` then waits for it to be ready.

        Lets a server start the worker before anything else (its torch import is the longest
        part of the way to the first result).
        """
        self._kill()
        self._folder = tempfile.mkdtemp(prefix="mlkata-worker-")
        os.chmod(self._folder, 0o700)
        self.proc = subprocess.Popen(
            [self.python, "-P", "-X", "utf8", str(CHILD), "--serve", self.socket_path]
            + ([] if self.with_torch else ["--no-torch"])
            + (["--preload", *self.preload] if self.preload else []),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=child_env(),
        )
        self._spawned = True

    async def start_now(self) -> None:
        """Start it (unless :meth:`spawn` just did) and wait until it is ready (or has failed: runs stay cold)."""
        if not self._spawned or self.proc is None:
            self.spawn()
        self._spawned = False
        assert self.proc is not None
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            line = await asyncio.wait_for(asyncio.to_thread(stdout.readline), STARTUP_S)
            ready = json.loads(line)
        except (TimeoutError, ValueError):
            ready = None
        if not isinstance(ready, dict) or ready.get("event") != Event.WORKER_READY:
            self._kill()
            return
        self.torch = bool(ready.get("torch"))
        self.sandbox = ready.get("sandbox") or {}
        self._ready = True

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """A connection for one run."""
        return await asyncio.open_unix_connection(self.socket_path, limit=1 << 30)

    def _kill(self) -> None:
        self._ready = False
        proc, self.proc = self.proc, None
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(10)
            if proc.stdout is not None:
                proc.stdout.close()
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def stop(self) -> None:
        """Kill it and every run forked from it."""
        self._kill()


def warm_workers(python: str, preload: Sequence[Path] = ()) -> tuple[WarmWorker, WarmWorker]:
    """The pair every judging session uses: the torch worker and the pure-Python one (not started)."""
    return WarmWorker(python, preload=preload), WarmWorker(python, torch=False, preload=preload)


_STUCK = {"T": "stopped", "t": "stopped by a tracer", "Z": "dead (a zombie)", "X": "dead"}
"""Process states (the third field of /proc/<pid>/stat) in which a worker or its spare serves no run."""


def _read(path: str) -> str:
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return "?"


def _state(pid: int) -> str:
    """A process's state letter (R, S, T, Z...), "?" when it is gone."""
    stat = _read(f"/proc/{pid}/stat")
    return stat.rsplit(")", 1)[-1].split()[0] if ")" in stat else "?"


def _process_tree(pid: int, depth: int = 0) -> list[tuple[int, str]]:
    """(depth, "pid name state wchan") of a process and its descendants, read from /proc."""
    rows = [(depth, f"{pid} {_read(f'/proc/{pid}/comm')} {_state(pid)} {_read(f'/proc/{pid}/wchan')}")]
    for child in _read(f"/proc/{pid}/task/{pid}/children").split():
        if child.isdigit() and depth < 3:
            rows.extend(_process_tree(int(child), depth + 1))
    return rows
