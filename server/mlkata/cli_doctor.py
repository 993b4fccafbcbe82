"""``mlkata doctor``: what confines judged code on this machine, checked live, and the interpreter it runs in."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Any

from mlkata.judge.options import Options, sandbox_off
from mlkata.judge.workers import CHILD, child_env

CHECK_TIMEOUT_S = 60.0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``doctor``."""
    p = sub.add_parser("doctor", help="show what confines judged code on this machine (checked live) and the interpreter")
    p.add_argument("--python", help="interpreter that runs solutions (default: this one)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_doctor)


def sandbox_check(python: str, off: list[str]) -> dict[str, Any]:
    """The self-check (:mod:`mlkata.judge.child.doctor`) run in ``python``; raises RuntimeError when it cannot run."""
    command = [python, "-P", "-X", "utf8", str(CHILD), "--sandbox-check", ",".join(off)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=CHECK_TIMEOUT_S, env=child_env(), check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(f"cannot run {python}: {exc}") from None
    try:
        found: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"the sandbox check failed under {python}: {last[0]}") from None
    return found


def _interpreter(python: str) -> str:
    probe = "import sys, importlib.util as u; print(sys.version.split()[0], bool(u.find_spec('torch')))"
    try:
        out = subprocess.run([python, "-c", probe], capture_output=True, timeout=30, check=True).stdout.decode().split()
    except (OSError, subprocess.SubprocessError):
        return f"{python}: cannot run it"
    return f"{python} (Python {out[0]}, torch {'installed' if out[1] == 'True' else 'not installed'})"


def unexpected(report: dict[str, Any]) -> list[str]:
    """Checks whose outcome contradicts the protections claimed: the sandbox does not hold what it says."""
    claimed = report["protections"]
    wrong = []
    for check, outcome in report["checks"].items():
        what = check.partition(":")[0]
        kernel = what in claimed and not claimed[what].startswith(("the audit hook", "none"))
        if (what == "scratch" and outcome != "allowed") or (kernel and outcome == "allowed"):
            wrong.append(f"{check}: {outcome}")
    return wrong


def cmd_doctor(args: argparse.Namespace) -> int:
    """Print the interpreter, the kernel's mechanisms, each protection and each live check."""
    python = args.python or sys.executable
    try:
        report = sandbox_check(python, sandbox_off(Options(python=python)))
    except RuntimeError as exc:
        print(f"mlkata doctor: {exc}", file=sys.stderr)
        return 2
    wrong = unexpected(report)
    if args.json:
        print(json.dumps(report | {"python": python, "unexpected": wrong}, indent=2))
        return 1 if wrong else 0
    print(f"interpreter  {_interpreter(python)}")
    for name, info in report["sandbox"].items():
        state = "on" + (f" (ABI {info['abi']})" if info.get("abi") else "") if info["on"] else f"off: {info['why']}"
        print(f"{name:<12} {state}")
    print("\nwhat confines judged code:")
    for what, how in report["protections"].items():
        print(f"  {what:<10} {how}")
    print("\nchecked just now, in a process confined as a judged one:")
    for check, outcome in report["checks"].items():
        print(f"  {check:<48} {outcome}")
    degraded = [n for n, info in report["sandbox"].items() if not info["on"]]
    if wrong:
        print(f"\nNOT AS CLAIMED: {'; '.join(wrong)}")
    elif degraded:
        print(f"\ndegraded: {', '.join(degraded)} off; the README's threat model says what a solution can do then")
    else:
        print("\nevery protection is on and held")
    return 1 if wrong else 0
