"""Entry point of the run process: ``python -P .../judge/child/__main__.py [--serve SOCKET ...]``.

Without arguments, a cold run: one job on standard input, its events on standard output. With
``--serve SOCKET [--no-torch] [--preload ROOT ...]``, the warm worker. With ``--sandbox-check
[OFF,...]``, the sandbox's self-check (:mod:`~mlkata.judge.child.doctor`), as one JSON line. Everything else (and all the
state forks rely on) lives in the package's modules: this script is never imported by them.
"""

from __future__ import annotations

import os
import sys
import types


def register_packages() -> None:
    """Make ``mlkata.judge.*`` (this package included) importable from here without importing ``mlkata``."""
    child_dir = os.path.dirname(os.path.abspath(__file__))
    judge_dir = os.path.dirname(child_dir)
    for name, path in (("mlkata", os.path.dirname(judge_dir)), ("mlkata.judge", judge_dir), ("mlkata.judge.child", child_dir)):
        if name not in sys.modules:
            mod = types.ModuleType(name)
            mod.__path__ = [path]
            sys.modules[name] = mod


def main() -> None:
    """A cold run: read a job from stdin, run its tests, write events to stdout."""
    import json

    from mlkata.judge.child import channel, lifecycle, run, sandbox, worker

    fd = os.dup(1)
    os.dup2(2, 1)  # anything printed by imports goes to stderr, not the event channel
    reader = channel.LineReader(0)
    first = reader.line()
    reader.buffer = first + b"\n" + reader.buffer
    lifecycle.become_subreaper()
    if json.loads(first).get("kind") == "torch":
        worker.import_torch()
    sandbox.probe()  # loads libseccomp before any judged process is forked
    run.run_job(fd, reader)
    lifecycle.reap_finished()


if __name__ == "__main__":
    register_packages()
    if len(sys.argv) >= 2 and sys.argv[1] == "--sandbox-check":
        import json

        from mlkata.judge.child import doctor

        off = [m for m in (sys.argv[2] if len(sys.argv) > 2 else "").split(",") if m]
        print(json.dumps(doctor.self_check(off)))
    elif len(sys.argv) >= 3 and sys.argv[1] == "--serve":
        from mlkata.judge.child import worker

        options = sys.argv[3:]
        roots = options[options.index("--preload") + 1 :] if "--preload" in options else []
        worker.serve(sys.argv[2], with_torch="--no-torch" not in options, preload=roots)
    else:
        main()
