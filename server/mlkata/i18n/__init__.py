"""One message catalogue for the text the server shows people: English and Simplified Chinese.

Every string the language server (and the command line) composes for a person goes through
:func:`t` with a key of ``<catalogue>.json``; ``en.json`` is complete by definition and every other
locale must hold the same keys with the same ``{placeholders}`` (tests/unit/test_i18n.py). The
language follows the editor's display language (LSP ``initialize`` ``locale``) in the language
server, and ``MLKATA_LANG``, then ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` on the command line.

Problem content (statements, hidden tests' own assertion messages, hints) is not part of the
catalogue: it stays in the language it was written in unless a translation is present.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = ("en", "zh-cn")
"""The locales with a catalogue; ``en`` is the fallback and the reference."""

_HERE = Path(__file__).parent
_current = "en"


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
    """The locale in use."""
    return _current


@cache
def catalogue(name: str) -> dict[str, str]:
    """The messages of one locale, key -> template."""
    data: dict[str, str] = json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))
    return data


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def t(key: str, /, **values: Any) -> str:
    """The message ``key`` in the current locale (English when it has none), filled with ``values``.

    A key missing from the English catalogue is a programming error: :class:`KeyError`.
    """
    template = catalogue(_current).get(key) if _current != "en" else None
    if template is None:
        template = catalogue("en")[key]
    return template.format(**values)


def tn(key: str, n: int, /, **values: Any) -> str:
    """A message that depends on a count: ``key.one`` when ``n`` is 1, else ``key.other`` (``{n}`` is filled too)."""
    return t(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)
