"""One message catalogue for the text the server shows people: English and Simplified Chinese.

Every string the language server (and the command line) composes for a person goes through
:func:`t` with a key of ``<catalogue>.json``; ``en.json`` is complete by definition and every other
locale must hold the same keys with the same ``{placeholders}`` (tests/unit/test_i18n.py). The
language follows the editor's display language (LSP ``initialize`` ``locale``) in the language
server, and ``MLKATA_LANG``, then ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` on the command line.
A judge run speaks its ``Options.locale`` (:func:`using`, in the server's process) and sends it in
the job, so the run process and the judged processes compose theirs (mismatches, the harness's
checks) in it too; the warm worker loads every catalogue before it forks (:func:`preload`), since a
judged process may not read the package's files.

Problem content (statements, hidden tests' own assertion messages, hints) is not part of the
catalogue: it stays in the language it was written in unless a translation is present. A
translated statement sits beside the original as ``statement.<locale>.md`` (``statement.zh-cn.md``,
:func:`translated`); ``mlkata validate`` holds it to the original's entry point and limits block.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import string
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = ("en", "zh-cn")
"""The locales with a catalogue; ``en`` is the fallback and the reference."""

_HERE = Path(__file__).parent
_current = "en"
_override: contextvars.ContextVar[str | None] = contextvars.ContextVar("mlkata_locale", default=None)
"""The locale of the current context, when :func:`using` set one (else the process's, ``_current``)."""


def normalize(tag: str | None) -> str:
    """The catalogue for a language tag (``zh-CN``, ``zh_CN.UTF-8``, ``zh-Hans``...): one of :data:`LOCALES`."""
    if not tag:
        return "en"
    base = tag.split(".", 1)[0].split("@", 1)[0].replace("_", "-").lower()
    if base == "zh" or base.startswith(("zh-cn", "zh-hans", "zh-sg")):
        return "zh-cn"
    return "en"


def from_env(env: Mapping[str, str] | None = None) -> str:
    """The command line's locale: ``MLKATA_LANG``, else the first POSIX locale variable set."""
    env = os.environ if env is None else env
    for name in ("MLKATA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return normalize(env[name])
    return "en"


def set_locale(tag: str | None) -> str:
    """Use the catalogue of ``tag`` from now on (in this process); returns the locale chosen."""
    global _current
    _current = normalize(tag)
    return _current


def locale() -> str:
    """The locale in use: the one :func:`using` chose for this context, else the process's."""
    return _override.get() or _current


@contextlib.contextmanager
def using(tag: str | None) -> Iterator[str]:
    """Speak ``tag``'s catalogue inside the block, in this context only (one judge run, one asyncio task)."""
    token = _override.set(normalize(tag))
    try:
        yield _override.get() or _current
    finally:
        _override.reset(token)


@cache
def catalogue(name: str) -> dict[str, str]:
    """The messages of one locale, key -> template."""
    data: dict[str, str] = json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))
    return data


def translated(path: Path, tag: str | None = None) -> Path:
    """A content file's translation for the locale (``tag``, default the current one), when it exists, else ``path``.

    The translation sits beside the file with the locale before the suffix: ``statement.zh-cn.md`` for
    ``statement.md``.
    """
    name = normalize(tag) if tag is not None else locale()
    if name == "en":
        return path
    candidate = path.with_name(f"{path.stem}.{name}{path.suffix}")
    return candidate if candidate.is_file() else path


def preload() -> None:
    """Read every catalogue now (a judged process forked later may not read the package's files)."""
    for name in LOCALES:
        catalogue(name)


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def t(key: str, /, **values: Any) -> str:
    """The message ``key`` in the current locale (English when it has none), filled with ``values``.

    A key missing from the English catalogue is a programming error: :class:`KeyError`.
    """
    name = locale()
    template = catalogue(name).get(key) if name != "en" else None
    if template is None:
        template = catalogue("en")[key]
    return template.format(**values)


def tn(key: str, n: int, /, **values: Any) -> str:
    """A message that depends on a count: ``key.one`` when ``n`` is 1, else ``key.other`` (``{n}`` is filled too)."""
    return t(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)
