"""The reference run's test inputs: each drive part's locals, kept when it returns, and summarised.

Only for trusted sources (the reference): the locals are the test's inputs, shown with a failing
test so the user sees the case.
"""

from __future__ import annotations

from typing import Any

from mlkata.judge.child import hidden

_KEPT_LOCALS: list[dict[str, Any]] = []
_KEEP = "__mlkata_keep_locals__"


def _keep_locals(value: Any, scope: dict[str, Any]) -> Any:
    _KEPT_LOCALS.append(scope)
    return value


def drive_capturing(drive: Any, entry: Any) -> tuple[Any, dict[str, Any]]:
    """Call a drive part of :func:`capturing_tests` and keep its local variables as they were when it returned."""
    _KEPT_LOCALS.clear()
    output = drive(entry)
    seen = dict(_KEPT_LOCALS[-1]) if _KEPT_LOCALS else {}
    code = getattr(drive, "__code__", None)
    if code is not None and code.co_argcount:
        seen.pop(code.co_varnames[0], None)  # the entry point itself
    return output, seen


def capturing_tests(source: str, drives: dict[str, Any], api: Any) -> dict[str, Any]:
    """The drive parts again, each ``return x`` made ``return keep(x, locals())``.

    Costs nothing while the test runs (a profile or trace hook made input-heavy tests three
    times slower), so the reference's time is the same with or without capturing.
    """
    import ast  # only a reference run needs it

    class Returns(ast.NodeTransformer):
        def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
            return node  # a nested function's returns are its own

        visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]
        visit_Lambda = visit_FunctionDef  # type: ignore[assignment]
        visit_ClassDef = visit_FunctionDef  # type: ignore[assignment]

        def visit_Return(self, node: ast.Return) -> ast.AST:
            value = node.value if node.value is not None else ast.Constant(None)
            scope = ast.Call(ast.Name("locals", ast.Load()), [], [])
            call = ast.Call(ast.Name(_KEEP, ast.Load()), [value, scope], [])
            return ast.copy_location(ast.Return(call), node)

    functions = {drive.__name__ for drive in drives.values()}
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            node.body = [Returns().visit(statement) for statement in node.body]
    code = compile(ast.fix_missing_locations(tree), "<hidden tests>", "exec")
    return {spec.name: fn for spec, fn in hidden.execute_tests(code, api, {_KEEP: _keep_locals})}


def summarise_inputs(found: dict[str, Any], output: Any) -> list[list[str]]:
    """[name, summary] of the data among a drive part's locals that is not part of its output."""
    from mlkata.judge import compare

    returned = _returned_ids(output)
    data = (bool, int, float, str, list, tuple, dict)
    shown = []
    for name, value in found.items():
        if name.startswith("_") or id(value) in returned:
            continue
        returned.add(id(value))  # the same object under a second name (a loop variable) once
        if not (compare.is_tensor(value) or isinstance(value, data)):
            continue
        try:
            shown.append([name, compare.summary(value)])
        except Exception:
            continue
        if len(shown) >= 12:
            break
    return shown


def _returned_ids(output: Any) -> set[int]:
    """Ids of the output and of what it holds, three levels deep."""
    returned: set[int] = set()
    stack, depth = [output], 0
    while stack and depth < 3:
        returned.update(id(v) for v in stack)
        nxt: list[Any] = []
        for v in stack:
            if isinstance(v, dict):
                nxt.extend(v.values())
            elif isinstance(v, (list, tuple)):
                nxt.extend(v)
        stack, depth = nxt, depth + 1
    return returned
