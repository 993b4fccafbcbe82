"""The VS Code client's translations are complete: ``client/scripts/l10n.js --check`` passes on the repository,
and fails, naming the problem, on a copy with a message or key missing in either language, a message no longer
used, changed placeholders, a literal that reaches the UI untranslated, or a contributed string that is not a
``%key%``. docs/l10n.md describes the files.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path("client") / "scripts" / "l10n.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (the client's tooling needs it)")

# What needs no translation: placeholders, icons, the product's name.
NOT_WORDS = re.compile(r"\{\d+\}|\$\([a-z-]+\)|ML Kata")


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the script in `root` (the repository or a copy)."""
    assert NODE is not None
    return subprocess.run([NODE, str(root / SCRIPT), *args], cwd=root, capture_output=True, text=True, timeout=60)


def check(root: Path) -> subprocess.CompletedProcess[str]:
    """The check, changing nothing."""
    return run(root, "--check")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """What the check reads, copied: the script, the client's sources, the bundles, the manifest and its nls files."""
    for rel in [SCRIPT, Path("package.json")]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    for nls in ROOT.glob("package.nls*.json"):
        shutil.copy(nls, tmp_path / nls.name)
    shutil.copytree(ROOT / "client" / "src", tmp_path / "client" / "src")
    shutil.copytree(ROOT / "client" / "media" / "walkthrough", tmp_path / "client" / "media" / "walkthrough")
    shutil.copytree(ROOT / "l10n", tmp_path / "l10n")
    return tmp_path


def load(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, data: dict[str, str]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def append_source(root: Path, code: str) -> None:
    """A line of client code at the end of a module that already imports vscode."""
    file = root / "client" / "src" / "trust.ts"
    file.write_text(
        file.read_text(encoding="utf-8") + f"\nexport function added(): unknown {{\n  return {code};\n}}\n", encoding="utf-8"
    )


def test_the_repository_passes() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"l10n: \d+ messages", result.stdout)


def test_an_unchanged_copy_passes(copy: Path) -> None:
    """The copy the other tests break is complete: each of them fails for its own reason only."""
    assert check(copy).returncode == 0, check(copy).stderr


def test_every_language_has_the_same_files() -> None:
    """A language is a client bundle and a package.nls file: both or neither."""
    bundles = {p.name.removeprefix("bundle.l10n.").removesuffix(".json") for p in (ROOT / "l10n").glob("bundle.l10n.*.json")}
    nls = {p.name.removeprefix("package.nls.").removesuffix(".json") for p in ROOT.glob("package.nls.*.json")}
    assert bundles == nls == {"zh-cn"}


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("l10n/bundle.l10n.json", "l10n/bundle.l10n.zh-cn.json"), ("package.nls.json", "package.nls.zh-cn.json")],
)
def test_chinese_is_translated(english: str, chinese: str) -> None:
    """Not the English copied: every value with words has Chinese characters."""
    en, zh = load(ROOT / english), load(ROOT / chinese)
    worded = [k for k in en if re.search(r"[A-Za-z]", NOT_WORDS.sub("", en[k])) and not en[k].endswith(".md")]
    assert len(worded) > len(en) / 2
    assert [k for k in worded if not re.search(r"[\u4e00-\u9fff]", zh.get(k, ""))] == []


def test_a_message_missing_in_chinese_fails(copy: Path) -> None:
    bundle = copy / "l10n" / "bundle.l10n.zh-cn.json"
    data = load(bundle)
    del data["Show Logs"]
    save(bundle, data)
    result = check(copy)
    assert result.returncode == 1
    assert 'l10n/bundle.l10n.zh-cn.json: missing message "Show Logs"' in result.stderr


def test_a_message_no_longer_used_fails(copy: Path) -> None:
    bundle = copy / "l10n" / "bundle.l10n.zh-cn.json"
    save(bundle, {**load(bundle), "A message nobody shows": "没人显示的消息"})
    result = check(copy)
    assert result.returncode == 1
    assert '"A message nobody shows" is no longer used' in result.stderr


def test_changed_placeholders_fail(copy: Path) -> None:
    bundle = copy / "l10n" / "bundle.l10n.zh-cn.json"
    save(bundle, {**load(bundle), "ML Kata: restarting in {0} s": "ML Kata：稍后重启"})
    result = check(copy)
    assert result.returncode == 1
    assert '"ML Kata: restarting in {0} s": placeholders none, the English has {0}' in result.stderr


def test_a_new_message_must_be_extracted_and_translated(copy: Path) -> None:
    append_source(copy, 'vscode.l10n.t("A brand new message")')
    result = check(copy)
    assert result.returncode == 1
    assert 'l10n/bundle.l10n.json: missing "A brand new message"' in result.stderr
    assert 'l10n/bundle.l10n.zh-cn.json: missing message "A brand new message"' in result.stderr


def test_the_english_bundle_is_generated_from_the_sources(copy: Path) -> None:
    append_source(copy, 'vscode.l10n.t("A brand new message")')
    written = run(copy)
    assert written.returncode == 1, "the Chinese bundle lacks the new message"
    assert load(copy / "l10n" / "bundle.l10n.json")["A brand new message"] == "A brand new message"


def test_a_key_missing_from_an_nls_file_fails(copy: Path) -> None:
    nls = copy / "package.nls.zh-cn.json"
    data = load(nls)
    del data["command.open.title"]
    save(nls, data)
    english = copy / "package.nls.json"
    data = load(english)
    del data["view.problems.name"]
    save(english, data)
    result = check(copy)
    assert result.returncode == 1
    assert 'package.nls.zh-cn.json: missing key "command.open.title"' in result.stderr
    assert 'package.nls.json: missing "%view.problems.name%" (used in package.json)' in result.stderr


def test_the_walkthrough_follows_the_display_language() -> None:
    """Each step's Markdown is a %key%: the Chinese nls names the Chinese file, which exists."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    en, zh = load(ROOT / "package.nls.json"), load(ROOT / "package.nls.zh-cn.json")
    for step in manifest["contributes"]["walkthroughs"][0]["steps"]:
        key = step["media"]["markdown"].strip("%")
        assert zh[key] == en[key].removesuffix(".md") + ".zh-cn.md"
        assert (ROOT / zh[key]).is_file()


def test_a_missing_walkthrough_file_fails(copy: Path) -> None:
    nls = copy / "package.nls.zh-cn.json"
    save(nls, {**load(nls), "walkthrough.getStarted.open.media": "client/media/walkthrough/gone.zh-cn.md"})
    result = check(copy)
    assert result.returncode == 1
    assert (
        'package.nls.zh-cn.json: "walkthrough.getStarted.open.media" names client/media/walkthrough/gone.zh-cn.md'
        in result.stderr
    )


def test_a_contributed_literal_fails(copy: Path) -> None:
    manifest = copy / "package.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["contributes"]["commands"][0]["title"] = "Open Problem…"
    manifest.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    result = check(copy)
    assert result.returncode == 1
    assert f"package.json: command {data['contributes']['commands'][0]['command']} title is not localised" in result.stderr


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ('vscode.window.showInformationMessage("Hello there")', "a literal reaches the UI without vscode.l10n.t"),
        ("vscode.l10n.t(`Hello ${1 + 1}`)", "the message of l10n.t must be a string literal"),
        ('vscode.l10n.t("{0} and {1}", 1)', '"{0} and {1}" has placeholders up to {1} but 1 argument(s)'),
    ],
)
def test_source_problems_fail(copy: Path, code: str, problem: str) -> None:
    append_source(copy, code)
    result = check(copy)
    assert result.returncode == 1
    assert problem in result.stderr
