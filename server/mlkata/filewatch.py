"""Telling when one file may have changed: inotify on its folder (Linux), else polling its status.

Editors save in two ways: writing the file in place (a close after writing) or writing another file
and renaming it over this one (VS Code's atomic writes, vim's backups). Watching the folder sees
both, and a file deleted and created again. Each change is passed on as one of three kinds:
``written`` (a write finished, or a file was renamed over it: the text is complete), ``changed``
(anything else that touched it: a write still in progress, attributes, a lost event) and ``gone``
(deleted or renamed away, maybe to be replaced in a moment). Where inotify cannot be used (not
Linux, the inotify limits reached, the folder itself removed or renamed) the file's status is
compared every :data:`POLL_S` seconds instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import struct
from collections.abc import Callable
from pathlib import Path

POLL_S = 0.1
"""How often the file's status is compared when polling."""

IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x2, 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
IN_DELETE_SELF, IN_MOVE_SELF, IN_Q_OVERFLOW, IN_IGNORED = 0x400, 0x800, 0x4000, 0x8000
IN_NONBLOCK, IN_CLOEXEC, IN_ONLYDIR = 0o4000, 0o2000000, 0x01000000
WATCHED = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
WATCHED |= IN_DELETE_SELF | IN_MOVE_SELF
"""What the folder's watch asks for (the kernel adds IN_IGNORED and IN_Q_OVERFLOW on its own)."""
WRITTEN = IN_CLOSE_WRITE | IN_MOVED_TO
GONE = IN_DELETE | IN_MOVED_FROM
FOLDER_GONE = IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED
_EVENT = struct.Struct("iIII")
"""``struct inotify_event`` without its name: wd, mask, cookie, len (the name's padded length)."""


def kind_of(mask: int) -> str:
    """The kind of change an inotify event mask on the file means: written, gone or changed."""
    if mask & WRITTEN:
        return "written"
    if mask & GONE:
        return "gone"
    return "changed"


def parse_events(data: bytes) -> list[tuple[int, bytes]]:
    """The (mask, name) of each event in a buffer read from an inotify descriptor."""
    events = []
    offset = 0
    while offset + _EVENT.size <= len(data):
        _, mask, _, length = _EVENT.unpack_from(data, offset)
        offset += _EVENT.size
        events.append((mask, data[offset : offset + length].rstrip(b"\0")))
        offset += length
    return events


class FileWatch:
    """Calls ``on_change(kind)`` on the event loop whenever ``path`` may have changed (see the module's docstring)."""

    def __init__(self, path: Path, on_change: Callable[[str], None], poll: bool = False) -> None:
        self.path = path
        self.on_change = on_change
        self.poll = poll
        """Compare the file's status every POLL_S seconds instead of using inotify."""
        self.how = ""
        """How it watches once started: ``inotify``, or ``poll`` (:attr:`why` says why)."""
        self.why = ""
        """Why it polls (empty when asked to, or when it uses inotify)."""
        self._fd: int | None = None
        self._poller: asyncio.Task[None] | None = None
        self._name = os.fsencode(path.name)

    def start(self) -> str:
        """Start watching (on the running loop); returns how: ``inotify`` or ``poll``."""
        if not self.poll:
            try:
                self._start_inotify()
                self.how = "inotify"
                return self.how
            except OSError as exc:
                self.why = f"{exc.strerror or exc}"
        self._start_polling()
        return self.how

    def close(self) -> None:
        """Stop watching."""
        self._stop_inotify()
        if self._poller is not None:
            self._poller.cancel()
            self._poller = None

    def _start_inotify(self) -> None:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            init, add = libc.inotify_init1, libc.inotify_add_watch
        except (OSError, AttributeError, TypeError):  # not Linux
            raise OSError("this system has no inotify") from None
        fd = init(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, f"inotify_init1: {os.strerror(errno)}")
        add.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        if add(fd, os.fsencode(self.path.parent), WATCHED | IN_ONLYDIR) < 0:
            errno = ctypes.get_errno()
            os.close(fd)
            raise OSError(errno, f"inotify_add_watch {self.path.parent}: {os.strerror(errno)}")
        self._fd = fd
        asyncio.get_running_loop().add_reader(fd, self._read)

    def _stop_inotify(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                asyncio.get_running_loop().remove_reader(fd)
            os.close(fd)

    def _read(self) -> None:
        """Every event queued on the descriptor, passed on as the kind of the last one about the file."""
        assert self._fd is not None
        kind = None
        lost = False
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            if not data:
                break
            for mask, name in parse_events(data):
                if mask & IN_Q_OVERFLOW:
                    kind = "changed"  # events were dropped: the file may have changed
                elif mask & FOLDER_GONE and not name:
                    lost = True
                elif name == self._name:
                    kind = kind_of(mask)
        if lost:  # the folder was removed or renamed: its watch is gone, look at the path itself from now on
            self._stop_inotify()
            self.why = f"{self.path.parent} was removed or renamed"
            self._start_polling()
            kind = "gone"
        if kind is not None:
            self.on_change(kind)

    def _start_polling(self) -> None:
        self.how = "poll"
        self._poller = asyncio.ensure_future(self._polling(_status(self.path)))  # changes from now on

    async def _polling(self, last: tuple[int, int, int, int] | None) -> None:
        while True:
            await asyncio.sleep(POLL_S)
            now = _status(self.path)
            if now != last:
                last = now
                self.on_change("gone" if now is None else "written")


def _status(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when a file is written or replaced: its times, size and inode; None when it is missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
