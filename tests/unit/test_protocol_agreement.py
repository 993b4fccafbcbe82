"""The VS Code client and the language server name the same commands, notifications and marker.

The client's names live in ``client/src/protocol.ts`` (one ``export const Group = { KEY: "value", ... } as const;``
per group, one entry per line), the server's in ``mlkata.server.protocol``. These tests parse the TypeScript with
regexes and fail, saying what differs, when the two sides (or package.json) disagree.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mlkata import binding
from mlkata.server import protocol
from mlkata.server.protocol import Commands, Notifications, names

ROOT = Path(__file__).resolve().parents[2]
CLIENT_SRC = ROOT / "client" / "src"
PROTOCOL_TS = CLIENT_SRC / "protocol.ts"
PACKAGE_JSON = ROOT / "package.json"

GROUP_RE = re.compile(r"^export const (\w+) = \{\n(.*?)^\} as const;", re.MULTILINE | re.DOTALL)
ENTRY_RE = re.compile(r'^\s*(\w+):\s*"([^"\\]*)",?\s*$', re.MULTILINE)
STRING_RE = re.compile(r'^export const (\w+) = "([^"\\]*)";', re.MULTILINE)
MARKER_DECL_RE = re.compile(r"^export const MARKER_PATTERN = (String\.raw`([^`]*)`);", re.MULTILINE)
LITERAL_RE = re.compile(r"""["'`]mlkata[./]""")
BLOCK_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT_RE = re.compile(r"(?<![:\\])//.*$", re.MULTILINE)

# First lines of a file, and the problem id each binds to (None: not a solution file).
MARKER_SAMPLES: list[tuple[str, str | None]] = [
    ("# mlkata: layer-norm", "layer-norm"),
    ("\ufeff# mlkata: layer-norm", "layer-norm"),
    ("\t#\tmlkata:\tlayer-norm\t", "layer-norm"),
    ("   # mlkata:layer-norm", "layer-norm"),
    ("# mlkata: layer-norm   ", "layer-norm"),
    ("# mlkata:", ""),
    ("# mlkata:   ", ""),
    ("# mlkata: x y", None),
    ("# mlkata: x # a comment", None),
    ("## mlkata: x", None),
    ("# MLKATA: x", None),
    ("mlkata: x", None),
    ("x = 1  # mlkata: x", None),
    ("", None),
]


@cache
def client_protocol() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """protocol.ts's groups (name -> {KEY: value}) and string constants (name -> value)."""
    text = PROTOCOL_TS.read_text(encoding="utf-8")
    groups: dict[str, dict[str, str]] = {}
    for name, body in GROUP_RE.findall(text):
        entries = ENTRY_RE.findall(body)
        lines = [line for line in body.splitlines() if line.strip() and not line.strip().startswith("//")]
        assert len(entries) == len(lines), f'protocol.ts: group {name} has lines that are not `KEY: "value",`: {lines}'
        groups[name] = dict(entries)
    return groups, dict(STRING_RE.findall(text))


def group(name: str) -> dict[str, str]:
    groups, _ = client_protocol()
    assert name in groups, f"protocol.ts declares no `export const {name} = {{ ... }} as const;` (found: {sorted(groups)})"
    return groups[name]


def constant(name: str) -> str:
    _, strings = client_protocol()
    assert name in strings, f'protocol.ts declares no `export const {name} = "...";` (found: {sorted(strings)})'
    return strings[name]


def marker_declaration() -> tuple[str, str]:
    """The MARKER_PATTERN declaration's expression (``String.raw`...```) and its text."""
    match = MARKER_DECL_RE.search(PROTOCOL_TS.read_text(encoding="utf-8"))
    assert match, "protocol.ts declares no `export const MARKER_PATTERN = String.raw`...`;`"
    return match[1], match[2]


def differ(what: str, client: set[str], other: set[str], other_name: str) -> str:
    return (
        f"{what} differ: only in client/src/protocol.ts: {sorted(client - other)}; only in {other_name}: {sorted(other - client)}"
    )


def package() -> dict[str, Any]:
    return json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))


# (a) and (b): the server's vocabulary.


def test_server_commands_agree() -> None:
    client = set(group("ServerCommands").values())
    server = set(names(Commands).values())
    assert client == server, differ("server command names", client, server, "mlkata.server.protocol.Commands")


def test_notifications_agree() -> None:
    client = set(group("Notifications").values())
    server = set(names(Notifications).values())
    assert client == server, differ("notification names", client, server, "mlkata.server.protocol.Notifications")


def test_diagnostic_source_and_server_module_agree() -> None:
    assert constant("SOURCE") == protocol.SOURCE, f"SOURCE: client {constant('SOURCE')!r}, server {protocol.SOURCE!r}"
    section = constant("CONFIG_SECTION")
    assert section == protocol.CONFIG_SECTION, f"CONFIG_SECTION: client {section!r}, server {protocol.CONFIG_SECTION!r}"
    module = constant("SERVER_MODULE")
    main = ROOT / "server" / Path(*module.split(".")) / "__main__.py"
    assert main.is_file(), f"SERVER_MODULE {module!r}: no {main.relative_to(ROOT)} to run with `python -m {module}`"


def test_palette_and_server_commands_are_disjoint() -> None:
    # vscode-languageclient registers the server's commands itself: a palette command of the same name would clash.
    both = set(group("Commands").values()) & set(group("ServerCommands").values())
    assert not both, f"palette commands that are also server commands: {sorted(both)}"


# (c): the binding marker.


def test_marker_pattern_text_agrees() -> None:
    _, text = marker_declaration()
    assert text == binding.MARKER_PATTERN, (
        f"MARKER_PATTERN differs: client String.raw`{text}`, server r'{binding.MARKER_PATTERN}'"
    )


@pytest.mark.parametrize(("line", "expected"), MARKER_SAMPLES)
def test_marker_pattern_binds_sample_lines_in_python(line: str, expected: str | None) -> None:
    _, text = marker_declaration()
    client = re.match(text, line)
    server = binding.MARKER_RE.match(line)
    got = (client[1] if client else None, server[1] if server else None)
    assert got == (expected, expected), (
        f"first line {line!r}: client pattern gives {got[0]!r}, server {got[1]!r}, want {expected!r}"
    )


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH: the pattern is checked in Python only")
def test_marker_pattern_binds_sample_lines_in_node() -> None:
    expression, _ = marker_declaration()
    script = (
        "const [expr, lines] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const pattern = eval(expr); const re = new RegExp(pattern);"
        "console.log(JSON.stringify({pattern, ids: lines.map((l) => { const m = re.exec(l); return m ? m[1] : null; })}));"
    )
    lines = [line for line, _ in MARKER_SAMPLES]
    done = subprocess.run(
        ["node", "-e", script], input=json.dumps([expression, lines]), capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"node could not evaluate {expression}: {done.stderr}"
    out = json.loads(done.stdout)
    assert out["pattern"] == binding.MARKER_PATTERN, (
        f"in node, {expression} is `{out['pattern']}`, server r'{binding.MARKER_PATTERN}'"
    )
    python = [(m[1] if (m := binding.MARKER_RE.match(line)) else None) for line in lines]
    wrong = [(line, js, py) for line, js, py in zip(lines, out["ids"], python, strict=True) if js != py]
    assert not wrong, "first lines bound differently (line, node, python): " + "; ".join(map(repr, wrong))


# (d): package.json refers to the client's ids.


def test_package_json_commands_are_the_palette_commands() -> None:
    contributed = [c["command"] for c in package()["contributes"]["commands"]]
    assert len(contributed) == len(set(contributed)), f"package.json contributes a command twice: {contributed}"
    client = set(group("Commands").values())
    assert client == set(contributed), differ("palette commands", client, set(contributed), "package.json contributes.commands")


def test_package_json_menus_views_and_settings_use_known_ids() -> None:
    contributes = package()["contributes"]
    commands, views, keys = group("Commands"), group("Views"), group("ContextKeys")
    container = views["CONTAINER"]
    view_ids = {v for k, v in views.items() if k != "CONTAINER"}
    known_in_when = view_ids | set(keys.values()) | set(commands.values())
    problems: list[str] = []
    entries = [(f"menus.{where}", e) for where, items in contributes.get("menus", {}).items() for e in items]
    entries += [("keybindings", e) for e in contributes.get("keybindings", [])]
    for where, entry in entries:
        if entry.get("command") not in commands.values():
            problems.append(f"{where}: unknown command {entry.get('command')!r}")
        when = entry.get("when", "")
        problems += [
            f"{where}: unknown view {v!r} in when {when!r}"
            for v in re.findall(r"\bview\s*==\s*([\w.]+)", when)
            if v not in view_ids
        ]
        problems += [
            f"{where}: unknown id {v!r} in when {when!r}" for v in re.findall(r"\bmlkata\.\w+", when) if v not in known_in_when
        ]
    containers = {c["id"] for c in contributes.get("viewsContainers", {}).get("activitybar", [])}
    if containers != {container}:
        problems.append(f"viewsContainers.activitybar ids {sorted(containers)}, client Views.CONTAINER {container!r}")
    declared = {v["id"] for items in contributes.get("views", {}).values() for v in items}
    if set(contributes.get("views", {})) - {container} or declared != view_ids:
        problems.append(differ("views", view_ids, declared, "package.json contributes.views"))
    problems += [
        f"viewsWelcome: unknown view {w['view']!r}" for w in contributes.get("viewsWelcome", []) if w["view"] not in view_ids
    ]
    links = set(re.findall(r"command:(mlkata\.\w+)", PACKAGE_JSON.read_text(encoding="utf-8")))
    problems += [f"a `command:` link to an unknown command {c!r}" for c in sorted(links - set(commands.values()))]
    settings = set(contributes["configuration"]["properties"])
    if settings != set(group("Settings").values()):
        problems.append(differ("settings", set(group("Settings").values()), settings, "package.json configuration"))
    section = constant("CONFIG_SECTION")
    problems += [f"setting {s!r} is not under {section!r}" for s in sorted(settings) if not s.startswith(section + ".")]
    assert not problems, "package.json and client/src/protocol.ts disagree:\n" + "\n".join(problems)


# (e): no ids spelt out elsewhere in the client.


def code_lines(path: Path) -> list[str]:
    """A TypeScript file's lines with the comments blanked (line numbers kept): ids in prose are fine."""
    text = BLOCK_COMMENT_RE.sub(lambda m: "\n" * m[0].count("\n"), path.read_text(encoding="utf-8"))
    return LINE_COMMENT_RE.sub("", text).splitlines()


def test_client_sources_name_ids_only_through_protocol_ts() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(CLIENT_SRC.rglob("*.ts"))
        if path != PROTOCOL_TS and (CLIENT_SRC / "test") not in path.parents
        for number, line in enumerate(code_lines(path), 1)
        if LITERAL_RE.search(line)
    ]
    assert not found, "mlkata ids written out instead of taken from client/src/protocol.ts:\n" + "\n".join(found)


# The server registers exactly the commands its protocol names.


def test_server_registers_exactly_its_commands() -> None:
    try:
        from mlkata.server.app import build_server
    except ImportError as exc:  # the server is being restructured: its assembly may move
        pytest.skip(f"mlkata.server.app.build_server does not import ({exc}): cannot list the registered commands")
    server = build_server()
    registered = set(server.protocol.fm.commands)  # pygls 2: `server.command(name)` stores into FeatureManager._commands
    declared = set(names(Commands).values())
    assert registered == declared, (
        f"registered server commands differ from Commands: only registered: {sorted(registered - declared)}; "
        f"only in Commands: {sorted(declared - registered)}"
    )
