"""The run process: runs the drive part of each hidden test on one source text, and checks it.

Started as ``python -P .../judge/child/__main__.py`` by :mod:`mlkata.judge.runner` in the
interpreter the user chose (a cold run), or forked from the warm worker (``__main__.py --serve
SOCKET``), it imports only the standard library, the harness (:mod:`mlkata.judge.api`,
:mod:`~mlkata.judge.wire`, :mod:`~mlkata.judge.compare`), and torch for torch problems. It reads
one job (JSON) and writes one JSON event per line (:mod:`~mlkata.judge.child.protocol`).

The run process itself never executes judged code. It forks a judged process that moves into
its own process group, dies with its parent, keeps no file descriptor but a result pipe and its
standard streams, sets its limits (address space, CPU, file size) and then runs the tests one
after another: for each, a fresh module from the source, reseeded generators, its own captured
output, and the test's drive function; the encoded output goes back through the pipe. The run
process supervises each test's wall-clock time, output size and exit status; when a test ends
the judged process (time limit, crash, exit), a fresh one carries on with the next test. Each
output is then decoded and compared with the reference's on this side, where judged code never
ran, and only the outcome (passed, or the failure message) goes back to the server.

Its modules, by layer (each imports only those before it):

- ``protocol``: the events, statuses and exit codes both sides use (the server imports it too);
- ``channel``: JSON lines in and out, exceptions as data;
- ``lifecycle``: process names, dying with the parent, reaping, killing what is left;
- ``sandbox``: the kernel's confinement of a judged process (Landlock, seccomp, no capabilities),
  and what this machine offers of it;
- ``confine``: a judged process's limits and audit hook (clear messages; the second line);
- ``forbid``: the problem's forbidden APIs, matched by what is called (a torch function mode for
  torch's callables, so every alias of a forbidden function is refused);
- ``forbid_modules``: forbidden modules, refused to the judged file only (the harness and torch keep them);
- ``hidden`` and ``capture``: the hidden tests, and the reference's inputs kept as they ran;
- ``judged``: a judged process, running the tests one after another;
- ``supervise``: the run process's watch over its judged processes;
- ``run``: one job on the trusted side (outputs mode, or a user's run and its checks);
- ``worker``: the warm worker (``--serve``), forking a run process per run;
- ``doctor``: the sandbox's live self-check (``--sandbox-check``), for ``mlkata doctor``;
- ``__main__``: the entry point; it registers the packages so ``mlkata/__init__.py`` is never imported.

This file imports nothing: the server imports :mod:`~mlkata.judge.child.protocol` through it.
"""
