"""Reading a solution file by path never blocks: a FIFO, a device, a folder or a huge file is refused at once.

``mlkata check FILE`` and ``mlkata.runTests`` on a closed file read it by path; reading a FIFO waits for
a writer forever (in the server, on its event loop). The opening of a problem's file reads its marker.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from mlkata import binding
from mlkata.binding import MARKER_LINE_BYTES, MAX_SOLUTION_BYTES, SolutionError, bound_to, read_solution
from tests.judge.conftest import make_problem

T = TypeVar("T")
AT_ONCE_S = 1.0


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "solution.py"
    os.mkfifo(path)
    return path


def at_once(fifo: Path, call: Callable[[], T]) -> T:
    """call()'s result, failing (instead of hanging) if it waits on the FIFO: a writer then lets it go."""
    pool = concurrent.futures.ThreadPoolExecutor(1)
    future = pool.submit(call)
    try:
        return future.result(timeout=AT_ONCE_S)
    except concurrent.futures.TimeoutError:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # a reader waits on it: opening does not block
        os.close(fd)  # end of file for the blocked reader
        raise AssertionError(f"still waiting on the FIFO {fifo} after {AT_ONCE_S} s") from None
    finally:
        pool.shutdown(wait=True)


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(SolutionError) as raised:
        call()
    return str(raised.value)


def test_a_regular_file_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "solution.py"
    text = "\ufeff# mlkata: add-two\r\ndef add(a, b):\r\n    return a + b  # ünïcödé\n"
    path.write_bytes(text.encode("utf-8"))
    assert read_solution(path) == text


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    message = at_once(fifo, lambda: refused(lambda: read_solution(fifo)))
    assert message == f"{fifo} is a FIFO, not a regular file"


def test_a_fifo_swapped_in_after_the_stat_is_refused_by_the_fstat(fifo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regular, real_stat = os.stat(__file__), os.stat

    def stat(path: str | os.PathLike[str], **options: Any) -> os.stat_result:
        return regular if path == fifo else real_stat(path, **options)

    monkeypatch.setattr(binding.os, "stat", stat)  # the stat saw a regular file; then the FIFO took its place
    message = at_once(fifo, lambda: refused(lambda: read_solution(fifo)))
    assert message == f"{fifo} is a FIFO, not a regular file"


def test_a_symlink_to_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.py"
    link.symlink_to(fifo)
    assert at_once(fifo, lambda: refused(lambda: read_solution(link))) == f"{link} is a FIFO, not a regular file"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert refused(lambda: read_solution(tmp_path)) == f"{tmp_path} is a folder, not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused() -> None:
    assert refused(lambda: read_solution("/dev/zero")) == "/dev/zero is a character device, not a regular file"


@contextlib.contextmanager
def listening_socket() -> Iterator[Path]:
    # A short folder: a socket's path must fit in about 100 bytes, which tmp_path may not.
    with tempfile.TemporaryDirectory(prefix="mlkata-") as folder, socket.socket(socket.AF_UNIX) as sock:
        path = Path(folder) / "s.py"
        sock.bind(str(path))
        yield path


def test_a_socket_is_refused() -> None:
    with listening_socket() as path:
        assert refused(lambda: read_solution(path)) == f"{path} is a socket, not a regular file"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "missing.py"
    assert refused(lambda: read_solution(missing)) == f"{missing} does not exist"


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.py"
    with open(path, "wb") as f:
        f.truncate(MAX_SOLUTION_BYTES + 1)  # sparse: nothing is written, and nothing should be read
    assert refused(lambda: read_solution(path)) == (
        f"{path} is {MAX_SOLUTION_BYTES + 1:,} bytes, more than a solution file may be "
        f"({MAX_SOLUTION_BYTES:,} bytes): is it the right file?"
    )


def test_the_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "solution.py"
    path.write_text("x = 1\n")
    assert read_solution(path, limit=6) == "x = 1\n"
    assert refused(lambda: read_solution(path, limit=5)).startswith(f"{path} is 6 bytes, more than")


def test_a_file_that_is_not_utf8_is_named_with_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.py"
    path.write_bytes(b"# caf\xe9\n")
    assert refused(lambda: read_solution(path)) == f"{path} is not UTF-8 text (byte 5); save it as UTF-8"


def test_the_marker_of_a_fifo_is_none_at_once(fifo: Path) -> None:
    assert at_once(fifo, lambda: bound_to(fifo)) is None


def test_the_marker_is_read_from_the_first_line_only(tmp_path: Path) -> None:
    path = tmp_path / "solution.py"
    path.write_bytes(b"# mlkata: add-two\n# caf\xe9 (not UTF-8: the marker is still read)\n")
    assert bound_to(path) == "add-two"
    path.write_text("# mlkata: add-two" + " " * MARKER_LINE_BYTES + "x\n")
    assert bound_to(path) is None, "a first line longer than any marker is no marker, even cut short"


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("extra")
    make_problem(root)
    return root


def mlkata_check(extra: Path, path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    command = [sys.executable, "-m", "mlkata", "--problems", str(extra), "check", "add-two", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    return done, time.monotonic() - started


def test_mlkata_check_refuses_a_fifo_at_once(extra: Path, fifo: Path) -> None:
    done, took = mlkata_check(extra, fifo)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"mlkata: {fifo} is a FIFO, not a regular file\n")
    assert took < 10, f"took {took:.1f} s: the command starts in well under a second, and must not wait on the FIFO"


def test_mlkata_check_refuses_a_folder(extra: Path, tmp_path: Path) -> None:
    done, _ = mlkata_check(extra, tmp_path)
    assert (done.returncode, done.stderr) == (2, f"mlkata: {tmp_path} is a folder, not a regular file\n")
