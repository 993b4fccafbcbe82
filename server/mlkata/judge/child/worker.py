"""The warm worker: torch, the harness and the hidden tests loaded once; a forked run process per run."""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import sys
import traceback
import warnings
from typing import TYPE_CHECKING, Any

from mlkata.judge.child import channel, hidden, judged, lifecycle, run, sandbox
from mlkata.judge.child.protocol import Event

if TYPE_CHECKING:
    import socket


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
    has_torch = _load(parent, with_torch, preload or [])
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    taken_r, taken_w = os.pipe()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    worker = os.getpid()

    def fork_spare() -> int:
        return _fork_spare(listener, taken_r, taken_w, worker)

    spare = fork_spare()
    hello = {"event": Event.WORKER_READY, "torch": has_torch, "sandbox": sandbox.probe(sandbox.off_from_env())}
    os.write(1, (json.dumps(hello) + "\n").encode())
    while True:
        if spare in lifecycle.reap_finished():
            spare = fork_spare()  # the spare died before taking a run
        ready, _, _ = select.select([taken_r], [], [], 0.5)
        if not ready:
            if os.getppid() != parent:
                os._exit(0)
            continue
        os.read(taken_r, 1)
        spare = fork_spare()


def _load(parent: int, with_torch: bool, preload: list[str]) -> bool:
    """Everything a run would import or load, done once before any fork; whether torch is there."""
    lifecycle.die_with_parent(parent)
    lifecycle.become_subreaper()
    has_torch = False
    if with_torch:
        try:
            import_torch()
            has_torch = True
        except ImportError:
            pass  # a worker without torch still serves the pure-Python problems
    from mlkata.i18n import preload as load_catalogues
    from mlkata.judge import api, wire  # imported once, inherited by every fork

    load_catalogues()  # a judged process may not read the package's files: every catalogue is in memory first

    _warm_up(api, wire)
    _preload(preload, api, has_torch)
    _cache_source_lines(judged.harness_modules())
    sandbox.probe()  # loads libseccomp once, for every fork
    gc.collect()
    gc.freeze()
    return has_torch


def _cache_source_lines(modules: list[Any]) -> None:
    """Read the harness's source lines into linecache before any fork.

    torch.manual_seed (called before every test) formats the current stack, which reads the source
    line of every frame; a judged process may not read the harness's files, so without this each
    test would try to open them again (and be refused), several times per test.
    """
    import linecache

    for module in [*modules, sys.modules.get("__main__")]:
        path = getattr(module, "__file__", None)
        if path:
            linecache.getlines(path)


def _fork_spare(listener: socket.socket, taken_r: int, taken_w: int, worker: int) -> int:
    """Fork a spare run process: it waits for a connection, says it took one, then runs that job."""
    pid = os.fork()
    if pid != 0:
        return pid
    try:
        os.close(taken_r)
        os.setsid()
        lifecycle.die_with_parent(worker)
        lifecycle.become_subreaper()
        lifecycle.set_name(b"mlkata-spare")
        spare = judged.JudgedSpare()
        conn, _ = listener.accept()
        lifecycle.set_name(b"mlkata-run")
        os.write(taken_w, b"x")
        os.close(taken_w)
        listener.close()
        fd = conn.detach()
        os.dup2(2, 1)
        run.run_job(fd, channel.LineReader(fd), spare)
    except BaseException:
        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def _preload(roots: list[str], api: Any, with_torch: bool) -> None:
    """Execute the hidden tests of every problem under roots (of the kinds this worker serves)."""
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
                hidden.PRELOADED[hidden.source_key(source)] = hidden.hidden_tests(source, api)
            except Exception:
                continue  # a broken problem is reported when it is judged


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


def import_torch() -> None:
    """Import torch (its import warnings silenced), one thread per process."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch

    torch.set_num_threads(1)
