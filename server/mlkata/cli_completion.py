"""``mlkata completion bash|zsh|fish``: a shell completion script, made from the argument parser itself.

The script completes subcommands, each one's options (and an option's choices), files where a file
goes, and problem ids where an id goes. The ids come from ``mlkata list --ids`` when Tab is pressed
(with any ``--problems DIR`` already typed), so a problem added to a folder completes at once; that
command does not import torch. Each shell gets the same three tables (options per subcommand, what an
option's value is, what each positional is) and the same walk over the words typed so far.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

SHELLS = ("bash", "zsh", "fish")
VARIADIC = ("*", "+")

Tables = tuple[list[str], dict[str, list[str]], dict[tuple[str, str], str], dict[tuple[str, str], str]]
"""(subcommands, options by subcommand, value kind by (subcommand, option), positional kind by (subcommand, index or ``*``))."""


def _value_kind(action: argparse.Action) -> str:
    """What an option's value is: ``words a b``, ``dir``, ``file`` or ``none`` (nothing to complete)."""
    if action.choices:
        return "words " + " ".join(str(c) for c in action.choices)
    if action.metavar == "DIR" or action.dest == "solutions":
        return "dir"
    return "file" if action.metavar == "FILE" or action.dest in ("database", "output", "python") else "none"


def _positional_kind(action: argparse.Action) -> str:
    if action.dest in ("id", "ids"):
        return "id"
    if action.choices:
        return "words " + " ".join(str(c) for c in action.choices)
    return "file" if action.dest in ("file", "path") else "none"


def tables(parser: argparse.ArgumentParser) -> Tables:
    """The parser's subcommands, options, option values and positionals (``""`` is the command itself)."""
    commands: list[str] = []
    options: dict[str, list[str]] = {}
    values: dict[tuple[str, str], str] = {}
    positionals: dict[tuple[str, str], str] = {}

    def walk(name: str, p: argparse.ArgumentParser) -> None:
        options[name] = []
        index = 0
        for action in p._actions:  # noqa: SLF001 (argparse has no public list of a parser's arguments)
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for sub_name, sub in action.choices.items():
                    commands.append(sub_name)
                    walk(sub_name, sub)
            elif action.option_strings:
                options[name] += action.option_strings
                for option in action.option_strings if action.nargs != 0 else ():
                    values[(name, option)] = _value_kind(action)
            else:
                key = "*" if action.nargs in VARIADIC else str(index)
                positionals[(name, key)] = _positional_kind(action)
                index += 1

    walk("", parser)
    return commands, options, values, positionals


def _cases(entries: dict[str, str], fish: bool) -> str:
    """A ``case`` (or fish ``switch``) body: pattern -> echo the value."""
    lines = []
    for pattern, value in entries.items():
        quoted = "'" + pattern.replace("'", "") + "'" + ("*" if pattern.endswith(" ") else "")
        if fish:  # fish expands a wildcard inside quotes in a case
            quoted = quoted.replace("'*", "*'")
            lines.append(f"        case {quoted}\n            echo '{value}'")
        else:
            lines.append(f"    {quoted}) echo '{value}' ;;")
    return "\n".join(lines)


def _functions(parser: argparse.ArgumentParser, fish: bool) -> str:
    """The three table functions, in POSIX-like ``case`` (bash, zsh) or fish ``switch``."""
    _, options, values, positionals = tables(parser)
    opts = _cases({f"{c}": " ".join(o) for c, o in options.items()}, fish)
    vals = _cases({f"{c} {o}": kind for (c, o), kind in values.items()}, fish)
    poss = _cases({f"{c} " if i == "*" else f"{c} {i}": kind for (c, i), kind in positionals.items()}, fish)
    if fish:
        body = "function __mlkata_{0}\n    switch \"$argv[1]{1}\"\n{2}\n        case '*'\n            return 1\n    end\nend\n"
        return "".join(
            body.format(n, a, b)
            for n, a, b in (("options", "", opts), ("value", " $argv[2]", vals), ("positional", " $argv[2]", poss))
        )
    body = '_mlkata_{0}() {{\n    case "$1{1}" in\n{2}\n    *) return 1 ;;\n    esac\n}}\n'
    return "".join(
        body.format(n, a, b) for n, a, b in (("options", "", opts), ("value", " $2", vals), ("positional", " $2", poss))
    )


WALK = """\
    {loop}
        word={word}
        if [[ -n $want ]]; then
            [[ $opt == --problems ]] && extra+=(--problems "$word")
            want=''
        elif [[ $word == -* ]]; then
            opt=$word
            [[ $word == *=* ]] || want=$(_mlkata_value "$cmd" "$word")
        elif [[ -z $cmd ]]; then
            cmd=$word
        else
            n=$((n + 1))
        fi
    done
    if [[ -z $want ]]; then
        if [[ $cur == -* ]]; then
            want="words $(_mlkata_options "$cmd")"
        elif [[ -z $cmd ]]; then
            want='words {commands}'
        else
            want=$(_mlkata_positional "$cmd" "$n")
        fi
    fi
"""

BASH = """\
# bash completion of mlkata: subcommands, options, files and problem ids. Load it with
#   eval "$(mlkata completion bash)"        (in ~/.bashrc)
{functions}
_mlkata() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} cmd='' want='' opt='' n=0 i word
    local -a extra=()
{walk}    case $want in
    id) COMPREPLY=($(compgen -W "$(command mlkata "${{extra[@]}}" list --ids 2>/dev/null)" -- "$cur")) ;;
    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    'words '*) COMPREPLY=($(compgen -W "${{want#words }}" -- "$cur")) ;;
    *) COMPREPLY=() ;;
    esac
}}
complete -F _mlkata mlkata
"""

ZSH = """\
#compdef mlkata
# zsh completion of mlkata: subcommands, options, files and problem ids. Load it with
#   eval "$(mlkata completion zsh)"         (in ~/.zshrc, after compinit)
# or save it as _mlkata in a folder of $fpath.
{functions}
_mlkata() {{
    local cur=${{words[CURRENT]}} cmd='' want='' opt='' n=0 i word
    local -a extra
{walk}    case $want in
    id) compadd -- ${{(f)"$(command mlkata $extra list --ids 2>/dev/null)"}} ;;
    file) _files ;;
    dir) _files -/ ;;
    'words '*) compadd -- ${{=want#words }} ;;
    esac
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _mlkata "$@"
else
    compdef _mlkata mlkata
fi
"""

FISH = """\
# fish completion of mlkata: subcommands, options, files and problem ids. Load it with
#   mlkata completion fish | source
# or save it as ~/.config/fish/completions/mlkata.fish
{functions}
function __mlkata_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd ''
    set -l want ''
    set -l opt ''
    set -l n 0
    set -l extra
    for word in $tokens[2..-1]
        if test -n "$want"
            test "$opt" = --problems; and set -a extra --problems $word
            set want ''
        else if string match -q -- '-*' $word
            set opt $word
            string match -q -- '*=*' $word; or set want (__mlkata_value "$cmd" $word)
        else if test -z "$cmd"
            set cmd $word
        else
            set n (math $n + 1)
        end
    end
    if test -z "$want"
        if string match -q -- '-*' $cur
            set want "words "(__mlkata_options "$cmd")
        else if test -z "$cmd"
            set want 'words {commands}'
        else
            set want (__mlkata_positional "$cmd" $n)
        end
    end
    switch "$want"
        case id
            command mlkata $extra list --ids 2>/dev/null
        case file
            __fish_complete_path $cur
        case dir
            __fish_complete_directories $cur
        case 'words *'
            string split ' ' -- (string replace -r '^words ' '' -- $want)
    end
end
complete -c mlkata -f -a '(__mlkata_complete)'
"""


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script of one shell for this parser."""
    commands = " ".join(tables(parser)[0])
    if shell == "fish":
        return FISH.format(functions=_functions(parser, fish=True), commands=commands)
    loop, word = ("for ((i = 1; i < COMP_CWORD; i++)); do", "${COMP_WORDS[i]}")
    if shell == "zsh":
        loop, word = ("for ((i = 2; i < CURRENT; i++)); do", "${words[i]}")
    walk = WALK.format(loop=loop, word=word, commands=commands)
    return (BASH if shell == "bash" else ZSH).format(functions=_functions(parser, fish=False), walk=walk)


def add_commands(sub: argparse._SubParsersAction, parser: argparse.ArgumentParser) -> None:
    """Register ``completion`` (register it last: the script covers the commands registered before)."""
    p = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    p.add_argument("shell", choices=SHELLS)
    command: Callable[[argparse.Namespace], int] = lambda args: _print(script(args.shell, parser))  # noqa: E731
    p.set_defaults(func=command)


def _print(text: str) -> int:
    print(text, end="")
    return 0
