"""Files that used to stop the server: a FIFO given to runTests, a text nested too deeply to compile,
a first line of 100 000 characters. Each gets its answer at once, and the server goes on."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.server.conftest import Client

ANSWERS_WITHIN_S = 10.0
"""Far above the milliseconds each answer takes here (the shared server may be busy with another
test's run); a server blocked on a FIFO or a regex never answers at all."""


async def _still_answers(server: Client) -> None:
    started = time.monotonic()
    reply = await asyncio.wait_for(server.command("mlkata.listProblems"), ANSWERS_WITHIN_S)
    assert reply["problems"] and time.monotonic() - started < ANSWERS_WITHIN_S


@pytest.mark.parametrize("given", ["uri", "path"])
async def test_run_tests_on_a_fifo_is_refused_at_once(shared_server: Client, given: str) -> None:
    fifo = shared_server.home / "work" / f"fifo_by_{given}.py"
    os.mkfifo(fifo)
    argument = {"uri": fifo.as_uri()} if given == "uri" else {"path": str(fifo)}
    try:
        with pytest.raises(JsonRpcException, match=f"mlkata.runTests: {fifo} is a FIFO, not a regular file"):
            await asyncio.wait_for(shared_server.command("mlkata.runTests", argument), ANSWERS_WITHIN_S)
    finally:
        _release(fifo)
    await _still_answers(shared_server)


def _release(fifo: Path) -> None:
    """Remove the FIFO; a reader blocked on it (a regression) gets end of file, so the shared server lives on."""
    with contextlib.suppress(OSError):  # ENXIO: nobody is reading it, as it should be
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    fifo.unlink()


async def test_a_text_nested_too_deeply_is_a_syntax_error_diagnostic(shared_server: Client) -> None:
    text = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return a\n\nx = " + "1+" * 100_000 + "1\n"
    uri = shared_server.write("nested_too_deeply.py", text)
    shared_server.open(uri, text)
    diagnostics = await shared_server.diagnostics_after(uri, 0, timeout=ANSWERS_WITHIN_S)
    assert [(d.code, d.range.start, d.severity) for d in diagnostics] == [
        ("syntax_error", types.Position(line=0, character=0), types.DiagnosticSeverity.Error)
    ]
    # RecursionError here; the parser of another Python version may give up with a MemoryError instead.
    assert diagnostics[0].message.endswith(
        (
            ": the source is nested too deeply to compile (RecursionError): split the deepest expression into smaller ones",
            ": the source is nested too deeply or too large to compile (MemoryError): split the deepest expression into smaller ones",
        )
    ), diagnostics[0].message
    await _still_answers(shared_server)


async def test_a_100_000_character_first_line_is_no_marker_and_is_read_at_once(shared_server: Client) -> None:
    text = "# mlkata:" + " " * 100_000 + "matrix-multiply too\ndef matmul(a, b):\n    return a\n"
    uri = shared_server.write("long_first_line.py", text)
    shared_server.open(uri, text)
    diagnostics = await shared_server.diagnostics_after(uri, 0, timeout=ANSWERS_WITHIN_S)
    assert diagnostics == [], "not a marker: the file is left alone"
    await _still_answers(shared_server)
