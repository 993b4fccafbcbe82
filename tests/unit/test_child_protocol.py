"""The run process's package imports only the standard library, and speaks only through its protocol."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from mlkata.judge import child
from mlkata.judge.child import protocol

CHILD_DIR = Path(child.__file__).parent
MODULES = sorted(p.stem for p in CHILD_DIR.glob("*.py") if p.stem != "__init__")
HARNESS = {"api", "compare", "wire"}
"""The ``mlkata.judge`` modules the run process may import (beside its own package)."""

# Run as the run process is (``python -P``, not from the repository): register the packages the way
# its entry point does, import every module of the package, and list what got imported.
_PROBE = """
import importlib.util, json, sys
before = set(sys.modules)
spec = importlib.util.spec_from_file_location("mlkata_child_entry", sys.argv[1])
entry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(entry)
entry.register_packages()
for name in sys.argv[2:]:
    importlib.import_module("mlkata.judge.child." + name)
print(json.dumps({
    "new": sorted(set(sys.modules) - before),
    "fake_mlkata": not hasattr(sys.modules["mlkata"], "__file__"),
}))
"""


def test_every_module_imports_only_the_standard_library() -> None:
    modules = [m for m in MODULES if m != "__main__"]
    out = subprocess.run(
        [sys.executable, "-P", "-c", _PROBE, str(CHILD_DIR / "__main__.py"), *modules],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    found = json.loads(out.stdout)
    assert found["fake_mlkata"], "mlkata/__init__.py was imported"
    ours = {"mlkata", "mlkata.judge", "mlkata.judge.child", "mlkata_child_entry"}
    ours |= {f"mlkata.judge.child.{m}" for m in modules}
    third_party = [name for name in found["new"] if name not in ours and name.partition(".")[0] not in sys.stdlib_module_names]
    assert third_party == []
    assert [n for n in found["new"] if n.startswith("mlkata") and n not in ours] == []  # the harness is imported lazily


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import (a cold run's script is no package member)"
            names.update(
                f"{node.module}.{alias.name}" if node.module in ("mlkata.judge", "mlkata.judge.child") else node.module
                for alias in node.names
            )
    return names


def test_every_import_anywhere_in_the_package_is_stdlib_torch_or_the_harness() -> None:
    """Imports inside functions too (the harness and torch are imported lazily)."""
    allowed_mlkata = {f"mlkata.judge.{m}" for m in HARNESS} | {f"mlkata.judge.child.{m}" for m in MODULES} | {"mlkata.i18n"}
    for path in sorted(CHILD_DIR.glob("*.py")):
        for name in _imports(path):
            root = name.partition(".")[0]
            if root == "mlkata":
                assert name in allowed_mlkata, f"{path.name} imports {name}"
            elif root == "torch":
                assert path.name == "worker.py", f"{path.name} imports torch (only the worker's import_torch may)"
            else:
                assert root in sys.stdlib_module_names, f"{path.name} imports {name}"


def _wire_values() -> set[str]:
    values: set[str] = {protocol.EXAMPLES, protocol.REFERENCE}
    for group in (protocol.Event, protocol.Mode, protocol.Status, protocol.Error):
        values.update(str(v) for v in protocol.values(group).values())
    return values


def _literal_uses(path: Path, values: set[str]) -> list[str]:
    """String literals equal to a protocol value, except as keys (dict keys, subscripts, .get/.pop) and docstrings."""
    tree = ast.parse(path.read_text(), str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            skipped.update(id(k) for k in node.keys if k is not None)
        elif isinstance(node, ast.Subscript):
            skipped.add(id(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "pop"):
            skipped.update(id(a) for a in node.args[:1])
        elif isinstance(node, ast.Expr):
            skipped.add(id(node.value))  # docstrings
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values and id(node) not in skipped
    ]


def test_status_and_event_values_are_written_only_in_the_protocol() -> None:
    values = _wire_values()
    files = [p for p in sorted(CHILD_DIR.glob("*.py")) if p.name != "protocol.py"]
    files.append(CHILD_DIR.parent / "runner.py")
    assert [use for path in files for use in _literal_uses(path, values)] == []


def test_the_exit_codes_are_the_protocol_s() -> None:
    assert protocol.Exit.PARENT_DIED == 70 and protocol.Exit.HARNESS_BROKE == 71
    for path in sorted(CHILD_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            called = getattr(node.func, "attr", getattr(node.func, "id", None)) if isinstance(node, ast.Call) else None
            if called in ("_exit", "exit_now"):
                assert not (node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value in (70, 71)), (
                    f"{path.name}:{node.lineno}: a literal exit code"
                )
