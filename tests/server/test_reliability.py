"""The server under broken input and load: clear errors, nothing lost, always answering."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.server.conftest import Client, solution, start_server


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _still_answers(server: Client) -> None:
    started = time.monotonic()
    reply = await server.command("mlkata.listProblems")
    assert reply["problems"] and time.monotonic() - started < 5


async def test_a_10_mb_file_is_judged_and_the_server_goes_on(shared_server: Client) -> None:
    text = solution("scaled-dot-product-attention", "einsum_stable") + ("# padding " + "x" * 90 + "\n") * 100_000
    assert len(text) > 10_000_000
    uri = shared_server.write("big.py", text)
    shared_server.open(uri, text)
    await _still_answers(shared_server)
    diagnostics = await shared_server.diagnostics_after(uri, 0, timeout=120)
    assert diagnostics == [], "a correct solution with 10 MB of comments passes"


async def test_a_non_utf8_file_is_a_clear_error(shared_server: Client) -> None:
    path = shared_server.home / "work" / "latin1.py"
    path.write_bytes("# mlkata: matrix-multiply\n# caf\xe9\ndef matmul(a, b):\n    return a\n".encode("latin-1"))
    with pytest.raises(JsonRpcException, match="is not UTF-8 text"):
        await shared_server.command("mlkata.runTests", {"uri": path.as_uri()})
    await _still_answers(shared_server)


async def test_an_empty_file_is_left_alone(shared_server: Client) -> None:
    uri = shared_server.write("empty.py", "")
    shared_server.open(uri, "")
    version = shared_server.save(uri, "")
    await shared_server.wait_for(lambda: any(p.version == version for p in shared_server.publishes(uri)), 30, "a publish")
    assert [list(p.diagnostics) for p in shared_server.publishes(uri)][-1] == []
    await _still_answers(shared_server)


async def test_malformed_and_out_of_order_requests_get_errors_and_the_server_goes_on(shared_server: Client) -> None:
    with pytest.raises(JsonRpcException):
        await shared_server.command("mlkata.noSuchCommand")
    with pytest.raises(JsonRpcException):
        await shared_server.command("mlkata.showStatement", 42)
    # Changes and saves of a document that was never opened are ignored.
    never = shared_server.uri("never_opened.py")
    shared_server.lsp.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=never, version=7),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="# mlkata: matrix-multiply\n")],
        )
    )
    shared_server.lsp.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=never))
    )
    shared_server.lsp.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=never))
    )
    await _still_answers(shared_server)
    hover = await shared_server.lsp.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=never), position=types.Position(line=99, character=0))
    )
    assert hover is None
    await _still_answers(shared_server)


async def test_a_run_never_writes_the_solution_file(shared_server: Client) -> None:
    text = solution("scaled-dot-product-attention", "missing_scale")
    uri = shared_server.write("untouched.py", text)
    path = shared_server.home / "work" / "untouched.py"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    shared_server.open(uri, text)
    await shared_server.diagnostics_after(uri, 0)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


LOAD = {
    "sdpa_a.py": ("scaled-dot-product-attention", ["missing_scale", "einsum_stable", "inverted_mask"]),
    "sdpa_b.py": ("scaled-dot-product-attention", ["mask_after_softmax", "scale_by_value_dim", "einsum_stable"]),
    "layer_norm.py": ("layer-norm", ["unbiased_variance", "flatten_var_mean", "eps_outside_sqrt"]),
    "clip.py": ("clip-loss", ["one_directional", "logsumexp_manual", "no_normalisation"]),
    "matmul.py": ("matrix-multiply", None),
}
MATMUL_RIGHT = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    if len(b) != len(a[0]):\n        raise ValueError('inner')\n    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]\n"
MATMUL_WRONG = "# mlkata: matrix-multiply\ndef matmul(a, b):\n    return [[0.0 for _ in b[0]] for _ in a]\n"


@pytest.mark.slow
async def test_200_saves_in_10_s_across_five_documents(tmp_path: Path, reference_cache: Path) -> None:
    async with start_server(tmp_path, reference_cache) as server:
        texts: dict[str, list[str]] = {}
        for name, (problem, golden) in LOAD.items():
            texts[name] = [MATMUL_WRONG, MATMUL_RIGHT] if golden is None else [solution(problem, g) for g in golden]
        uris = {name: server.write(name, versions[0]) for name, versions in texts.items()}
        for name, uri in uris.items():
            server.open(uri, texts[name][0])
        for uri in uris.values():
            await server.diagnostics_after(uri, 0, timeout=120)  # references computed, workers warm
        pid = server.lsp._server.pid
        rss_before = _rss_mib(pid)

        latencies: list[float] = []
        stop = asyncio.Event()

        async def other_requests() -> None:
            while not stop.is_set():
                started = time.monotonic()
                await server.command("mlkata.listProblems")
                latencies.append(time.monotonic() - started)
                await asyncio.sleep(0.05)

        asker = asyncio.ensure_future(other_requests())
        names = list(uris)
        last: dict[str, tuple[int, str]] = {}
        started = time.monotonic()
        for i in range(200):
            name = names[i % len(names)]
            text = texts[name][(i // len(names)) % len(texts[name])]
            last[name] = (server.save(uris[name], text), text)
            await asyncio.sleep(max(0.0, started + (i + 1) * 0.05 - time.monotonic()))
        spent = time.monotonic() - started
        for name, (version, _) in last.items():
            uri = uris[name]
            await server.wait_for(
                lambda u=uri, v=version: any(p.version == v for p in server.publishes(u)), 120, f"{name}'s last run"
            )
        stop.set()
        await asyncio.wait_for(asker, 30)
        assert spent <= 11, f"the 200 saves took {spent:.1f} s to send"
        assert latencies and max(latencies) < 5, "every request was answered"
        p95 = sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)]
        assert p95 < 0.2, f"p95 of other requests {p95 * 1000:.0f} ms (median {statistics.median(latencies) * 1000:.0f} ms)"
        for name, (version, text) in last.items():
            final = [p for p in server.publishes(uris[name]) if p.version == version][-1]
            verdict = await server.command("mlkata.runTests", {"uri": uris[name]})
            assert (list(final.diagnostics) == []) == (verdict["verdict"] == "passed"), (
                f"{name}: diagnostics match its final text"
            )
            assert texts[name].index(text) >= 0
        assert _rss_mib(pid) - rss_before < 50, "the server's memory stays flat"
        assert os.path.exists(tmp_path / "progress.sqlite3")


HOSTILE = Path(__file__).resolve().parents[1] / "hostile"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["fork_bomb", "print_100_mb", "allocate_50_gb", "ignores_sigterm_and_sigalrm"])
async def test_the_server_keeps_answering_while_a_hostile_solution_runs(tmp_path: Path, reference_cache: Path, name: str) -> None:
    text = (HOSTILE / f"{name}.py").read_text(encoding="utf-8")
    expected = text.splitlines()[1].removeprefix("# expect: ").strip()
    # A solution that never finishes runs on quarter limits: the same kill, a quarter of the wait.
    settings = {"timeMultiplier": 0.25} if expected == "time_limit" else {}
    async with start_server(tmp_path, reference_cache, **settings) as server:
        uri = server.write(f"{name}.py", text)
        server.open(uri, text)
        for _ in range(3):
            await _still_answers(server)
            await asyncio.sleep(0.2)
        diagnostics = await server.diagnostics_after(uri, 0, timeout=60)
        assert diagnostics and {d.code for d in diagnostics} == {expected}
        await _still_answers(server)
