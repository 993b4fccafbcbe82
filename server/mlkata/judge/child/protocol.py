"""What the run process and the trusted side say to each other, written once for both.

Imported by the run process (standard library only, like this module) and by the server's side of
a run (:mod:`mlkata.judge.runner`, :mod:`mlkata.judge.engine`). Every value is a plain ``str`` (or
``int``), so the JSON on the wire is what it always was.

A run, as the trusted side sees it: the job (one JSON line, its ``mode`` says which kind) goes
in; ``ready`` comes back, or ``broken``. In :attr:`Mode.OUTPUTS` one ``outputs`` event per source
follows. Otherwise the run says ``outputs`` when every judged process has ended (the expected
outputs are then sent), perhaps ``mistakes`` (the declared mistakes' outputs are then sent), and
one ``test`` event per test, with its :class:`Status`. ``done`` ends every run.
"""

from __future__ import annotations

EXAMPLES = "__examples__"
"""Name of the pseudo-test that runs the user's own examples (its event is a ``test`` event too)."""


SANDBOX = "__sandbox__"
"""Key, among a user's run's test events on the trusted side, of what confined it (the ``ready`` event's ``sandbox``)."""


REFERENCE = "reference"
"""In outputs mode, the source named so is the reference: its tests' inputs are captured and sent too."""


class Event:
    """The ``"event"`` of each JSON line a run process (or the warm worker) writes."""

    READY = "ready"
    """The job is read and the hidden tests are loaded; ``pid`` is the run's process group, ``sandbox``
    what the kernel confines its judged processes with (:func:`mlkata.judge.child.sandbox.probe`)."""
    BROKEN = "broken"
    """The problem itself is broken (``message``): no test ran."""
    OUTPUTS = "outputs"
    """Outputs mode: one source's encoded outputs. A user's run: send the expected outputs now."""
    MISTAKES = "mistakes"
    """An output is wrong: send the declared mistakes' outputs now."""
    TEST = "test"
    """One test's outcome (``name``, ``status``, and what goes with that status)."""
    DONE = "done"
    """The run is over (every judged process reaped)."""
    WORKER_READY = "worker-ready"
    """The warm worker listens (``torch``: whether it imported torch; ``sandbox``: as in ``ready``)."""


class Mode:
    """The job's ``"mode"`` (absent: a user's run, checked against the expected outputs)."""

    OUTPUTS = "outputs"
    """Trusted sources (the reference, the declared mistakes): their encoded outputs are sent back."""


class Status:
    """The ``"status"`` of a test's outcome."""

    OK = "ok"
    """It returned: with ``passed`` (and ``message``, ``details``, ``explanation``) once checked."""
    ERROR = "error"
    """It raised: with ``verdict`` (an :class:`Error`) and ``error`` (type, message, frames)."""
    TIME_LIMIT = "time_limit"
    """It ran past its wall-clock or CPU limit."""
    TOTAL_TIME_LIMIT = "total_time_limit"
    """The run's total time ran out before it finished (or started)."""
    NOT_RUN = "not_run"
    """Not run: an earlier test ran out of time and the job said ``stop_at_time_limit``."""
    OUTPUT_LIMIT = "output_limit"
    """It printed (or returned) more than allowed."""
    SIGNAL = "signal"
    """Its process was killed by ``signal`` (twice: a crash is retried once in a fresh process)."""
    EXITED = "exited"
    """Its process exited (``code``, None when unknown) before the test finished."""


class Error:
    """The ``"verdict"`` of a :attr:`Status.ERROR`: what the exception means."""

    WRONG_ANSWER = "wrong_answer"
    NOT_IMPLEMENTED = "not_implemented"
    FORBIDDEN_API = "forbidden_api"
    MEMORY_LIMIT = "memory_limit"
    RUNTIME_ERROR = "runtime_error"


class Exit:
    """Exit codes of the processes of a run that the trusted side tells apart."""

    PARENT_DIED = 70
    """A process whose parent was already gone when it was set up to die with it."""
    HARNESS_BROKE = 71
    """A judged process whose own harness code failed (judged code broke something it relies on)."""
    SANDBOX_FAILED = 72
    """A judged process that could not confine itself as the probe said it could: it ran nothing."""


RESTART = b'{"restart": true}'
"""The line a judged process adds after a test that left threads running: go on in a fresh one."""


def values(group: type) -> dict[str, str | int]:
    """The constants of a group above: attribute name -> value."""
    return {k: v for k, v in vars(group).items() if k.isupper() and isinstance(v, str | int)}
