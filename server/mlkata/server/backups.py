"""Backups of a solution's text before ML Kata replaces it (``.mlkata-backups`` beside the file)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path


def backup_path(path: Path) -> Path:
    """A new, unused backup name for path in ``.mlkata-backups`` beside it."""
    folder = path.parent / ".mlkata-backups"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        candidate = folder / f"{path.stem}.{stamp}{f'-{n}' if n else ''}{path.suffix}"
        if not candidate.exists():
            return candidate
        n += 1


def copy_to_backup(path: Path, text: str | None = None) -> Path:
    """Save path's content (or text) to a new backup file and return its path."""
    target = backup_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        shutil.copy2(path, target)
    else:
        with open(target, "x", encoding="utf-8", newline="") as f:
            f.write(text)
    return target
