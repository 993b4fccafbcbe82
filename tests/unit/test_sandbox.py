"""The kernel sandbox's parts: what the probe says, the readable roots with the private folders carved out,
the result line a judged process may write, and ``mlkata doctor``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.judge.child import sandbox, supervise
from mlkata.judge.child.protocol import Error, Status

ROOT = Path(__file__).resolve().parents[2]


def test_carving_keeps_everything_but_the_private_folders(tmp_path: Path) -> None:
    for rel in ("a/bank/p/solution.py", "a/bank/q.txt", "a/other/x.py", "a/top.py", "b/y.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    roots = [str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "a" / "bank" / "p")]
    carved = sandbox.carve(roots, [str(tmp_path / "a" / "bank")])
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in carved) == ["a/other", "a/top.py", "b"]


def test_the_readable_roots_hold_the_interpreter_and_not_the_bank() -> None:
    roots = sandbox.carve(sandbox.readable_roots(), [str(ROOT / "problems"), str(ROOT / "server" / "mlkata")])
    assert any(os.path.realpath(sys.base_prefix).startswith(r) for r in roots)
    assert not any(str(ROOT / "problems").startswith(r) or r.startswith(str(ROOT / "problems")) for r in roots)


def test_the_probe_names_what_is_missing_and_why(monkeypatch: pytest.MonkeyPatch) -> None:
    found = sandbox.probe(["seccomp"])
    assert found["seccomp"]["on"] is False and "turned off" in found["seccomp"]["why"]
    monkeypatch.setattr(sandbox, "landlock_abi", lambda: 0)
    old_kernel = sandbox.probe()
    assert old_kernel["landlock"] == {"on": False, "abi": 0, "why": old_kernel["landlock"]["why"]}
    assert "no Landlock" in old_kernel["landlock"]["why"]
    shown = sandbox.protections(old_kernel)
    assert shown["files"].startswith("the audit hook only")
    assert "landlock" not in sandbox.summary(old_kernel).split("Degraded")[0]


@pytest.mark.parametrize(
    ("off", "files", "processes", "signals"),
    [
        ((), "landlock", "seccomp", "landlock and seccomp"),
        (("landlock",), "the audit hook only", "seccomp", "seccomp"),
        (("seccomp",), "landlock", "the audit hook only", "landlock"),
        (("landlock", "seccomp"), "the audit hook only", "the audit hook only", "none"),
    ],
)
def test_what_holds_each_protection_at_each_level(off: tuple[str, ...], files: str, processes: str, signals: str) -> None:
    found = {"landlock": {"on": "landlock" not in off, "abi": 7, "why": ""}, "seccomp": {"on": "seccomp" not in off, "why": ""}}
    shown = sandbox.protections(found)
    assert shown["files"].startswith(files) and shown["processes"].startswith(processes) and shown["signals"].startswith(signals)


@pytest.mark.parametrize(
    "line",
    [
        b"[" * 1_000_000,
        b'{"status": "ok"}',
        b'{"status": "passed", "output": 1}',
        b'{"status": "error", "verdict": "made_up", "error": {}}',
        b"not json at all",
        b'{"status": "ok", "output": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b"\xff\xfe",
    ],
    ids=["nested", "no-output", "unknown-status", "unknown-verdict", "garbage", "nested-output", "bytes"],
)
def test_a_malformed_result_line_is_a_runtime_error_saying_so(line: bytes) -> None:
    event = supervise.reported(line)
    assert event["status"] == Status.ERROR and event["verdict"] == Error.RUNTIME_ERROR
    assert "not a test's result" in event["error"]["message"]


def test_a_result_line_keeps_only_what_a_judged_process_may_report() -> None:
    line = json.dumps({"status": "ok", "output": [1, 2], "duration_ms": 3, "stdout_bytes": 0, "stdout": "", "passed": True})
    assert supervise.reported(line.encode()) == {"status": "ok", "output": [1, 2], "duration_ms": 3.0}
    error = {"type": "X", "message": {"deep": [1]}, "frames": [{"file": "f", "line": [1]}, "junk"], "extra": 1}
    shown = supervise.reported(json.dumps({"status": "error", "verdict": "runtime_error", "error": error}).encode())
    assert shown["error"] == {
        "type": "X",
        "module": "",
        "message": "{'deep': [1]}",
        "frames": [{"file": "f", "line": None, "end_line": None, "col": None, "end_col": None, "name": None}],
    }


def _doctor(*extra: str, off: str = "") -> tuple[int, dict]:
    env = dict(os.environ, MLKATA_SANDBOX_OFF=off)
    done = subprocess.run([sys.executable, "-m", "mlkata", "doctor", "--json", *extra], capture_output=True, env=env, timeout=120)
    return done.returncode, json.loads(done.stdout)


@pytest.mark.skipif(
    sandbox.landlock_abi() < 6 or not sandbox.probe()["seccomp"]["on"], reason="needs Landlock ABI 6+ and libseccomp"
)
def test_doctor_checks_every_protection_live_and_degrades_with_the_reason() -> None:
    code, full = _doctor()
    assert code == 0 and full["unexpected"] == []
    assert all(outcome.startswith("refused") for check, outcome in full["checks"].items() if not check.startswith("scratch"))
    assert full["checks"]["scratch: writing inside it (must be allowed)"] == "allowed"
    before = {n for n in os.listdir("/dev/shm") if n.startswith("mlkata-doctor-")}
    code, none = _doctor(off="landlock,seccomp")
    assert {n for n in os.listdir("/dev/shm") if n.startswith("mlkata-doctor-")} == before, "the check left a file in /dev/shm"
    assert code == 0 and none["unexpected"] == []
    assert none["checks"]["files: reading the problem bank"] == "allowed"
    assert none["checks"]["processes: starting one"] == "allowed"
    assert all("turned off" in info["why"] for info in none["sandbox"].values())
    assert none["protections"]["files"].startswith("the audit hook only")


@pytest.mark.skipif(sandbox.landlock_abi() == 0, reason="needs Landlock")
def test_a_judged_process_that_cannot_confine_itself_runs_nothing(tmp_path: Path) -> None:
    from mlkata.judge.child import judged
    from mlkata.judge.child.protocol import Exit

    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        try:
            judged._sandbox({"scratch": str(tmp_path / "gone"), "private": [], "filename": None})
        finally:
            os._exit(0)  # reached only if it did not fail closed
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == Exit.SANDBOX_FAILED


def test_the_verdict_of_a_run_that_could_not_be_confined_says_so(tmp_path: Path) -> None:
    from mlkata.bank import load_problem
    from mlkata.judge import engine, locate
    from mlkata.judge.child.protocol import Exit

    problem = load_problem(ROOT / "problems" / "matrix-multiply")
    entry = locate.whole_line(["def matmul(a, b):"], 1)
    result = engine._result("t", {"status": Status.EXITED, "code": Exit.SANDBOX_FAILED}, problem, "", "s.py", [], entry)
    assert result.verdict.value == "runtime_error"
    assert "could not confine" in result.message and "mlkata doctor" in result.message
