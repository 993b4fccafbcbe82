"""The package's shape: no import cycles, modules and functions of a readable size, one room per feature.

``pytest tests/unit/test_architecture.py`` is the check; each failure names the modules or
functions at fault.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mlkata.server import app

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "server" / "mlkata"
CLIENT = ROOT / "client" / "src"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LONGER: dict[str, str] = {}
"""Modules or functions allowed over the limits, with the reason (none today)."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imported(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Modules of the package that module imports at run time (also inside functions; not for type checking)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(up + ([base] if base else []))
                names = [base] + [f"{base}.{a.name}" for a in child.names]
            for name in names:
                while name and name not in known:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    out.add(name)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_the_checker_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    known = _modules()
    graph = {m: _imported(m, p, known) for m, p in known.items()}
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}  # a package's own parent
    assert _cycles(graph) == []


def _client_graph() -> dict[str, set[str]]:
    """The client's modules (outside its test suites) and the relative imports of each, types included."""
    files = {p for p in CLIENT.rglob("*.ts") if "test" not in p.relative_to(CLIENT).parts}
    graph: dict[str, set[str]] = {}
    for path in sorted(files):
        deps = set()
        for target in re.findall(r"""(?:from|import|require\()\s*["'](\.\.?/[^"']+)["']""", path.read_text(encoding="utf-8")):
            base = (path.parent / target).resolve()
            for candidate in (base.with_name(base.name + ".ts"), base / "index.ts"):
                if candidate in files:
                    deps.add(str(candidate.relative_to(CLIENT)))
        graph[str(path.relative_to(CLIENT))] = deps
    return graph


def test_no_import_cycles_in_the_client() -> None:
    graph = _client_graph()
    assert "extension.ts" in graph and "protocol.ts" in graph["extension.ts"] | set().union(*graph.values())
    assert _cycles(graph) == []


@pytest.mark.parametrize("module", sorted(_modules()))
def test_modules_and_functions_stay_short(module: str) -> None:
    path = _modules()[module]
    source = path.read_text(encoding="utf-8")
    lines = len(source.splitlines())
    assert lines <= MAX_MODULE_LINES or module in LONGER, f"{module} has {lines} lines (limit {MAX_MODULE_LINES})"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            name = f"{module}.{node.name}"
            assert length <= MAX_FUNCTION_LINES or name in LONGER, f"{name} (line {node.lineno}) has {length} lines"


def test_every_feature_of_the_language_server_registers_itself() -> None:
    for feature in app.FEATURES:
        assert callable(getattr(feature, "setup", None)), f"{feature.__name__} has no setup(server)"
    server = app.build_server()
    assert server.protocol.fm.commands, "the features registered their commands"
