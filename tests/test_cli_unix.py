"""The command line as a Unix tool: ``list`` filters, pipes, Ctrl-C, documented exit codes, shell completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mlkata.bank import Bank
from mlkata.bank.model import AREAS
from mlkata.cli import build_parser, main
from mlkata.cli_completion import SHELLS, script
from mlkata.store import Store
from tests.judge.conftest import make_problem

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SHELLS_REQUIRED = os.environ.get("MLKATA_REQUIRE_SHELLS") == "1"
PASSED = {"verdict": "passed", "passed": 1, "total": 1, "tests": [{"name": "t", "duration_ms": 1.0}]}


def env(**extra: str) -> dict[str, str]:
    """This interpreter's ``mlkata`` first on PATH, English messages."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "MLKATA_LANG": "en", **extra}


def mlkata(*args: str) -> list[str]:
    return [sys.executable, "-m", "mlkata", *args]


@pytest.fixture
def cached_bank(monkeypatch: pytest.MonkeyPatch, bank: Bank) -> Bank:
    """The bundled bank loaded once for the in-process commands."""
    monkeypatch.setattr("mlkata.bank.load_bank", lambda roots=None: bank)
    return bank


def ids(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["list", "--ids", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_list_filters_by_area_difficulty_and_kind_each_repeatable(cached_bank: Bank, capsys: pytest.CaptureFixture[str]) -> None:
    problems = list(cached_bank.problems.values())
    assert ids(capsys) == [p.id for p in problems]
    assert ids(capsys, "--area", "transformers", "--difficulty", "easy") == [
        p.id for p in problems if p.area == "transformers" and p.difficulty == "easy"
    ]
    both = ids(capsys, "--difficulty", "easy", "--difficulty", "hard", "--area", "algorithms", "--area", "decoding")
    assert both and both == [p.id for p in problems if p.difficulty in ("easy", "hard") and p.area in ("algorithms", "decoding")]
    assert main(["list", "--json", "--kind", "python"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and [p["id"] for p in listed] == [p.id for p in problems if p.kind == "python"]
    assert main(["list", "--kind", "torch", "--area", "systems"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [r.split()[0] for r in rows] == [p.id for p in problems if p.kind == "torch" and p.area == "systems"]


def test_list_unsolved_reads_the_progress_database(cached_bank: Bank, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    Store.open(db).record_run("layer-norm", PASSED, "# mlkata: layer-norm\n")
    unsolved = ids(capsys, "--unsolved", "--database", str(db))
    assert "layer-norm" not in unsolved and len(unsolved) == len(cached_bank.problems) - 1


def test_an_unknown_area_or_difficulty_is_a_usage_error_naming_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    for option, valid in (("--area", list(AREAS)), ("--difficulty", ["easy", "medium", "hard"])):
        with pytest.raises(SystemExit) as done:
            main(["list", option, "nope"])
        err = capsys.readouterr().err
        assert done.value.code == 2 and f"argument {option}: invalid choice: 'nope'" in err
        assert all(repr(v) in err for v in valid), err


def test_list_ids_does_not_import_torch() -> None:
    probe = (
        "import sys; from mlkata.cli import main; main(['list', '--ids']); "
        "heavy = {'torch', 'numpy'} & set(sys.modules); sys.exit(f'imported {heavy}' if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env())
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert "layer-norm" in done.stdout.splitlines()


@pytest.mark.parametrize("command", ["list", "show layer-norm", "list --json"])
def test_a_reader_that_stops_early_ends_the_pipe_quietly(command: str) -> None:
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {BIN / 'mlkata'} {command} | head -1"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env(),
    )
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1
    assert done.returncode in (0, 141), "all of it fitted in the pipe (0), or the reader went first (141)"


def closed_pipe() -> int:
    """mlkata writing into a pipe whose reader is already gone."""
    proc = subprocess.Popen(mlkata("list"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141 and err == b"", err
    return 141


def interrupted(tmp_path: Path) -> int:
    """Ctrl-C while ``mlkata review`` waits for an answer."""
    proc = subprocess.Popen(
        mlkata("review", "--database", str(tmp_path / "ctrl-c.sqlite3")),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(PYTHONUNBUFFERED="1"),
        # As from a terminal: a suite run in the background (nohup, `make test &`) would pass SIGINT on ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None and proc.stderr is not None
    while "Your answer" not in (line := proc.stdout.readline()):
        assert line, "mlkata review ended before asking"
    proc.send_signal(signal.SIGINT)
    try:
        status = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        ignored = next(line for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines() if line.startswith("SigIgn"))
        proc.kill()
        raise AssertionError(f"mlkata review outlived Ctrl-C by 60 s ({ignored}); stderr: {proc.communicate()[1]}") from None
    assert "Traceback" not in proc.stderr.read()
    return status


def watch_ended_by(sig: signal.Signals, tmp_path: Path) -> int:
    """``mlkata watch`` (ready: its first JSON line) ended by a signal."""
    make_problem(tmp_path / "bank")
    solution = tmp_path / f"add_{sig.name}.py"
    solution.write_text("# mlkata: add-two\ndef add(a, b):\n    return a + b\n")
    command = mlkata("--problems", str(tmp_path / "bank"), "watch", "add-two", str(solution), "--json", "--no-record")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    assert proc.stdout is not None
    json.loads(proc.stdout.readline())
    proc.send_signal(sig)
    return proc.wait(timeout=60)


def cli(*args: str) -> int:
    return subprocess.run(mlkata(*args), capture_output=True, timeout=120, env=env()).returncode


SCENARIOS: dict[int, Callable[[Path], int]] = {
    0: lambda tmp: cli("list", "--ids"),
    1: lambda tmp: cli("followups", "layer-norm", "--database", str(tmp / "locked.sqlite3")),
    2: lambda tmp: cli("show", "no-such-problem"),
    129: lambda tmp: watch_ended_by(signal.SIGHUP, tmp),
    130: interrupted,
    141: lambda tmp: closed_pipe(),
    143: lambda tmp: watch_ended_by(signal.SIGTERM, tmp),
}


def documented_codes() -> list[int]:
    """The exit codes of the table under "## Exit codes" in docs/cli.md."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text.split("\n## Exit codes", 1)[1].split("\n## ", 1)[0]
    return [int(m) for m in re.findall(r"^\| *(\d+) *\|", section, re.MULTILINE)]


def test_every_documented_exit_code_has_a_case_here() -> None:
    assert sorted(documented_codes()) == sorted(SCENARIOS)


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_each_documented_exit_code_is_the_one_produced(code: int, tmp_path: Path) -> None:
    assert SCENARIOS[code](tmp_path) == code


# -- shell completion ------------------------------------------------------------------------------


def shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        assert not SHELLS_REQUIRED, f"{name} is required here (MLKATA_REQUIRE_SHELLS=1)"
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("extra")
    make_problem(root)
    return root


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``mlkata completion SHELL`` of each shell, written once."""
    folder = tmp_path_factory.mktemp("completion")
    for name in SHELLS:
        (folder / name).write_text(script(name, build_parser()), encoding="utf-8")
    return {name: folder / name for name in SHELLS}


def expected(bank: Bank, prefix: str) -> list[str]:
    return sorted(p for p in bank.problems if p.startswith(prefix))


BASH = """
source {script}
complete -p mlkata >/dev/null
COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
_mlkata
printf '%s\\n' "${{COMPREPLY[@]}}"
"""


def bash_complete(line: str, scripts: dict[str, Path]) -> list[str]:
    words = " ".join(f"'{w}'" for w in line.split(" "))
    done = subprocess.run(
        [shell("bash"), "-c", BASH.format(script=scripts["bash"], words=words)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env(),
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return sorted(done.stdout.split())


def test_bash_completes_subcommands_options_choices_and_problem_ids(bank: Bank, extra: Path, scripts: dict[str, Path]) -> None:
    assert (
        subprocess.run(mlkata("completion", "bash"), capture_output=True, text=True, env=env()).stdout
        == scripts["bash"].read_text()
    )

    def bash(line: str) -> list[str]:
        return bash_complete(line, scripts)

    assert bash("mlkata show layer") == expected(bank, "layer") == ["layer-norm", "layer-norm-backward"]
    assert bash("mlkata check mul") == expected(bank, "mul")
    assert bash("mlkata validate layer-norm mul") == expected(bank, "mul"), "every id of a list of ids"
    assert bash("mlkata hi") == ["hint"]
    assert bash("mlkata list --dif") == ["--difficulty"]
    assert bash("mlkata list --area tr") == ["training", "transformers"]
    assert bash("mlkata completion ") == ["bash", "fish", "zsh"]
    assert bash(f"mlkata --problems {extra} hint add") == ["add-two"], "ids of the folders typed"
    assert bash("mlkata check layer-norm " + str(ROOT / "docs" / "cl")) == [str(ROOT / "docs" / "cli.md")]


def test_fish_completes_the_same(bank: Bank, extra: Path, scripts: dict[str, Path]) -> None:
    fish = shell("fish")

    def complete(line: str) -> list[str]:
        done = subprocess.run(
            [fish, "-c", f"source {scripts['fish']}; complete -C '{line}'"], capture_output=True, text=True, timeout=60, env=env()
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        return sorted(row.split("\t")[0] for row in done.stdout.splitlines())

    assert complete("mlkata show layer") == expected(bank, "layer")
    assert complete("mlkata hi") == ["hint"]
    assert complete("mlkata list --area tr") == ["training", "transformers"]
    assert complete("mlkata list --dif") == ["--difficulty"]
    assert complete(f"mlkata --problems {extra} hint add") == ["add-two"]


ZSH = r"""
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'autoload -U compinit; compinit -u -D; source {script}; PS1="$((6 * 7))> "'
zpty -r -m z out '*42> *' || exit 3
zpty -w -n z $'{line}\t'
zpty -r -m z out '*{first}*' || exit 4
zpty -w -n z $'\t'
zpty -r -m z out '*{last}*' || exit 5
print -r -- "$out"
"""


def test_zsh_completes_problem_ids_in_a_real_line_editor(bank: Bank, scripts: dict[str, Path]) -> None:
    """zsh's own completion system in an interactive zsh on a pseudo-terminal: Tab, then Tab again lists."""
    zsh = shell("zsh")
    ids = expected(bank, "layer")
    script = ZSH.format(script=scripts["zsh"], line="mlkata show lay", first="show layer-norm", last=ids[-1])
    done = subprocess.run([zsh, "-f", "-c", script], capture_output=True, text=True, timeout=60, env=env())
    assert done.returncode == 0, done.stdout + done.stderr
    listed = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", done.stdout)
    assert set(re.findall(r"layer[\w-]*", listed)) == set(ids)
    script = ZSH.format(script=scripts["zsh"], line="mlkata list --area tr", first="--area tra", last="transformers")
    done = subprocess.run([zsh, "-f", "-c", script], capture_output=True, text=True, timeout=60, env=env())
    assert done.returncode == 0 and "training" in done.stdout, done.stdout + done.stderr
