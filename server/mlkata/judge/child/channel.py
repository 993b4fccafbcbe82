"""The run process's I/O: JSON lines in and out, and exceptions as data."""

from __future__ import annotations

import json
import os
import traceback
from typing import Any


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of data to fd."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def emit(fd: int, event: dict[str, Any]) -> None:
    """One event, as a JSON line."""
    write_all(fd, (json.dumps(event, allow_nan=True) + "\n").encode())


class LineReader:
    """Lines from a file descriptor (the job, then the expected outputs, arrive as separate lines)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def line(self) -> bytes:
        while b"\n" not in self.buffer:
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                line, self.buffer = self.buffer, b""
                return line
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line


def _frames(tb: Any) -> list[dict[str, Any]]:
    frames = []
    for fs in traceback.extract_tb(tb, limit=200):
        frames.append(
            {
                "file": fs.filename,
                "line": fs.lineno,
                "end_line": getattr(fs, "end_lineno", None),
                "col": getattr(fs, "colno", None),
                "end_col": getattr(fs, "end_colno", None),
                "name": fs.name,
            }
        )
    return frames


def exception_info(exc: BaseException) -> dict[str, Any]:
    """An exception as the ``error`` of a test's outcome: type, module, message and frames."""
    try:
        text = str(exc)
    except BaseException:
        text = "<str() of the exception failed>"
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list) and notes and all(isinstance(n, str) for n in notes):
        text = f"{text} ({'; '.join(notes)})" if text else "; ".join(notes)
    frames = _frames(exc.__traceback__)
    # An exception raised while handling another: keep the frames of the original too.
    context = exc.__cause__ or exc.__context__
    if context is not None and context.__traceback__ is not None:
        frames = _frames(context.__traceback__) + frames
    return {"type": type(exc).__name__, "module": type(exc).__module__, "message": text[:2000], "frames": frames}
