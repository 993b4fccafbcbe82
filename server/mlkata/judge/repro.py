"""Debug one hidden test: a standalone script that reruns it on the user's file.

:func:`script` (server side) writes the script: the test's drive part and the helpers it uses,
copied from the problem's hidden tests, and the reference's output for that test as data. The
reference solution's code is never in it. The script's ``main`` part calls the functions below
(run in the user's interpreter, standard library only; torch only when the problem needs it).
"""

from __future__ import annotations

import ast
import json
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlkata.bank import Problem

PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
"""The folder holding the ``mlkata`` package: the script imports the judge's helpers from it."""


class ReproError(ValueError):
    """The script cannot be written (unknown test, unreadable tests file)."""


def _needed(tree: ast.Module, test: str) -> list[ast.stmt]:
    """Top-level statements the test needs (imports, helpers, constants), in file order."""
    defines: dict[str, list[ast.stmt]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defines.setdefault(node.name, []).append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        defines.setdefault(name.id, []).append(node)
    if test not in defines:
        raise ReproError(f"no hidden test named {test!r}")
    keep: set[int] = set()
    todo = [test]
    while todo:
        for node in defines.get(todo.pop(), []):
            if id(node) in keep:
                continue
            keep.add(id(node))
            todo.extend(n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in defines)
    return [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)) or id(n) in keep]


def _segment(lines: list[str], node: ast.stmt) -> str:
    decorators = getattr(node, "decorator_list", [])
    first = min([node.lineno] + [d.lineno for d in decorators])
    return "".join(lines[first - 1 : node.end_lineno])


def check_test(problem: Problem, test: str) -> None:
    """ReproError naming the problem's tests unless ``test`` is one of them."""
    if test in problem.test_names:
        return
    import difflib

    close = difflib.get_close_matches(test, problem.test_names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise ReproError(f"{problem.id} has no hidden test {test!r}: {hint}its tests are {', '.join(problem.test_names)}")


def script(problem: Problem, test: str, solution: Path, expected: Any) -> str:
    """The text of a script that reruns hidden test ``test`` of ``problem`` on the file ``solution``.

    ``expected`` is the reference's encoded output for that test (wire format, plain JSON data).
    """
    check_test(problem, test)
    source = problem.tests_source
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    needed = _needed(tree, test)
    imports = [_segment(lines, n) for n in needed if isinstance(n, (ast.Import, ast.ImportFrom))]
    body = [_segment(lines, n) for n in needed if not isinstance(n, (ast.Import, ast.ImportFrom))]
    header = f'''"""Debug hidden test `{test}` of "{problem.title}" ({problem.id}) on your file:

    {solution}

Run (or debug) this script with the interpreter that has your packages. It rebuilds the test's
inputs exactly as the judge does, calls your `{problem.entry_point}`, and prints expected vs got.
Put a breakpoint in your file, or step into the call at the bottom. Written by ML Kata
(`mlkata repro`); rewritten each time you ask for it: copy it before editing.

The expected output at the bottom is data: the reference solution's code is not in this file.
"""

import sys

sys.path.insert(0, {PACKAGE_PARENT!r})  # the judge's helpers (mlkata.judge.api)

'''
    main = f"""

# The reference's output for this test, in the judge's wire format (no reference code).
EXPECTED = {json.dumps(expected)!r}

if __name__ == "__main__":
    from mlkata.judge import repro

    repro.reseed({problem.kind == "torch"!r})
    {problem.entry_point.replace(".", "_")} = repro.load_entry({str(solution)!r}, {problem.entry_point!r})
    got = {test}({problem.entry_point.replace(".", "_")})  # step into this call to debug your code
    sys.exit(repro.report({test}, EXPECTED, got))
"""
    return header + "".join(imports) + "\n\n" + "\n\n".join(b.rstrip("\n") + "\n" for b in body) + main


# --- run by the script, in the user's interpreter ---------------------------------------------


def reseed(with_torch: bool) -> None:
    """The random state the judge gives every test: Python's and torch's generators seeded with 0."""
    import random

    random.seed(0)
    if with_torch:
        import torch

        torch.manual_seed(0)


def load_entry(path: str, entry: str) -> Any:
    """The entry point defined by the user's file, run as a fresh module named ``solution``."""
    module = types.ModuleType("solution")
    module.__file__ = path
    sys.modules["solution"] = module
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"cannot read your solution {path}: {exc.strerror}") from None
    exec(compile(text, path, "exec"), module.__dict__)
    found = module.__dict__.get(entry)
    if found is None:
        raise SystemExit(f"{path} defines no `{entry}` (the entry point this problem calls)")
    return found


def _show(value: Any, indent: str = "    ") -> list[str]:
    from mlkata.judge import compare

    if isinstance(value, dict) and set(value) == {"call", "returned"}:
        return [f"{indent}{value['call']} -> {compare.short(value['returned'], 200)}"]
    if isinstance(value, dict):
        return [f"{indent}{k}: {compare.summary(v)}" for k, v in value.items()]
    if isinstance(value, list) and value and all(isinstance(v, dict) and set(v) == {"call", "returned"} for v in value):
        return [line for v in value for line in _show(v, indent)]
    return [f"{indent}{compare.summary(value)}"]


def report(drive: Any, expected: str, got: Any) -> int:
    """Print expected vs got and the judge's verdict on them; 0 when they match, else 1."""
    from mlkata.judge import compare, wire

    spec = drive.__mlkata_test__
    want = wire.decode(json.loads(expected))
    try:
        seen = wire.decode(json.loads(json.dumps(wire.encode(got), allow_nan=True)))
    except Exception as exc:
        print(f"FAIL {spec.name}: your output could not be read: {exc}")
        return 1
    print("expected:", *_show(want), sep="\n")
    print("got:", *_show(seen), sep="\n")
    try:
        spec.run_check(want, seen)
    except compare.Fail as fail:
        print(f"FAIL {spec.name}: {fail.message}")
        for line in fail.details:
            print(f"    {line}")
        return 1
    print(f"PASS {spec.name}: your output matches the expected one")
    return 0
