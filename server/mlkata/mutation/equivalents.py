"""``problems/<id>/mutants.toml``: the surviving mutants a problem's author declared equivalent.

```toml
[[equivalent]]
id = "dim:1a2b3c4d:0"
reason = "the scores are symmetric here: both axes give the same softmax"
```
A missing file declares none; a malformed one is a :class:`MutantsFileError` naming the file and entry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import attrs

FILE = "mutants.toml"
ID = re.compile(r"^[a-z][a-z-]*:[0-9a-f]{8}:[0-9]+$")
FIELDS = ("id", "reason")


class MutantsFileError(ValueError):
    """A ``mutants.toml`` that cannot be used: the message names the file, the entry and the fix."""


@attrs.frozen
class Equivalent:
    """A mutant declared equivalent: it behaves as the reference on every valid input."""

    id: str
    """The mutant's id, as ``mlkata mutate`` prints it."""
    reason: str
    """One line: why no valid input tells it from the reference."""


def load_equivalents(folder: Path) -> dict[str, Equivalent]:
    """The declarations in ``folder/mutants.toml`` by id (none when the file is missing)."""
    path = folder / FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise MutantsFileError(f"{path}: cannot read it: {exc}") from None
    return parse_equivalents(text, path)


def parse_equivalents(text: str, path: Path | str) -> dict[str, Equivalent]:
    """Parse a ``mutants.toml`` text (``path`` names it in errors)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MutantsFileError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"equivalent"})
    if unknown:
        raise MutantsFileError(f"{path}: unknown key {unknown[0]!r}; the file holds only [[equivalent]] tables")
    entries = data.get("equivalent", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise MutantsFileError(f"{path}: 'equivalent' must be an array of tables, each written [[equivalent]]")
    found: dict[str, Equivalent] = {}
    for number, entry in enumerate(entries, 1):
        declared = _entry(entry, f"{path}: [[equivalent]] #{number}")
        if declared.id in found:
            raise MutantsFileError(f"{path}: [[equivalent]] #{number}: {declared.id!r} is declared twice; keep one entry")
        found[declared.id] = declared
    return found


def _entry(entry: dict[str, Any], where: str) -> Equivalent:
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        raise MutantsFileError(f"{where}: unknown field {unknown[0]!r} (fields: id, reason)")
    for field in FIELDS:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise MutantsFileError(f"{where}: {field!r} must be a non-empty string, got {value!r}")
    if not ID.match(entry["id"]):
        raise MutantsFileError(f"{where}: id {entry['id']!r} is not a mutant id (as `mlkata mutate` prints: 'dim:1a2b3c4d:0')")
    reason = entry["reason"].strip()
    if "\n" in reason:
        raise MutantsFileError(f"{where}: the reason of {entry['id']!r} must be one line")
    return Equivalent(entry["id"], reason)
