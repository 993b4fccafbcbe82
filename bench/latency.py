"""Save -> diagnostics latency, measured side by side with its floor and a cold pytest baseline.

    python bench/latency.py [--saves 50] [--out docs/benchmarks.md]

For multi-head-attention and longest-common-subsequence, on a correct and a wrong solution:
1. floor: the hidden tests' drive calls in this (warm) process, no isolation, no comparison;
2. ML Kata: didSave -> publishDiagnostics through the real language server over stdio (warm
   worker), p50/p95 over --saves saves after a warm-up, alternating the correct and wrong text;
3. baseline: a cold ``python -m pytest`` of an equivalent test file (same drives, same checks,
   the reference computed in the same process), median of 5 runs.
Also: server start -> first published result, and the server's resident memory with its worker
(idle, and the peak sampled during runs). Prints pass/fail against the targets and writes Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import client_capabilities
from pytest_lsp.client import make_test_lsp_client

from mlkata.bank import Problem, load_problem
from mlkata.judge import api

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "multi-head-attention": ("einsum_fused_softmax", "missing_scale"),
    "longest-common-subsequence": ("rolling_row", "greedy_two_pointer"),
}
TARGETS = {"p50_ms": 50.0, "p95_ms": 120.0, "speedup": 25.0, "start_s": 3.0, "idle_mib": 400.0}


def solution(problem: str, name: str) -> tuple[Path, str]:
    path = ROOT / "tests" / "solutions" / problem / f"{name}.py"
    return path, f"# mlkata: {problem}\n" + path.read_text(encoding="utf-8")


def load(source: str, filename: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "bench_module"}
    exec(compile(source, filename, "exec"), namespace)
    return namespace


def floor_ms(problem: Problem, source: str, repeat: int = 20) -> float:
    """Median time of calling every drive on the solution in this process."""
    drives = [fn for _, fn in api.collect(load(problem.tests_source, "<tests>"))]
    entry = load(source, "<solution>")[problem.entry_point]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for fn in drives:
            try:
                fn(entry)
            except Exception:
                pass
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


PYTEST_FILE = """
import pytest
from mlkata.judge import api

def _load(path):
    namespace = {{"__name__": "bench_module"}}
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), namespace)
    return namespace

TESTS = {{spec.name: (spec, fn) for spec, fn in api.collect(_load({tests!r}))}}
USER = _load({solution!r})[{entry!r}]
REFERENCE = _load({reference!r})[{entry!r}]

@pytest.mark.parametrize("name", list(TESTS))
def test_hidden(name):
    spec, drive = TESTS[name]
    spec.run_check(drive(REFERENCE), drive(USER))
"""


def cold_pytest_ms(problem: Problem, solution_path: Path, repeat: int = 5) -> float:
    """Median wall time of a cold ``python -m pytest`` of an equivalent test file."""
    with tempfile.TemporaryDirectory() as tmp:
        test = Path(tmp) / "test_equivalent.py"
        test.write_text(
            PYTEST_FILE.format(
                tests=str(problem.tests_path),
                solution=str(solution_path),
                reference=str(problem.path / "solution.py"),
                entry=problem.entry_point,
            )
        )
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
                cwd=tmp,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def tree_memory_mib(pid: int) -> tuple[float, float]:
    """(summed RSS, summed PSS) of pid and all its descendants, in MiB.

    RSS counts a shared page in every process that maps it (the worker's forks share its torch
    pages), so its sum overstates the footprint; PSS divides each shared page among the processes
    sharing it, so its sum is what the tree really holds in memory.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(p, []))
    return rss / 1024, pss / 1024


class Sampler(threading.Thread):
    """Peaks of tree_memory_mib(pid) (RSS, PSS), sampled every 20 ms while running."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, (0.0, 0.0), threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            rss, pss = tree_memory_mib(self.pid)
            self.peak = (max(self.peak[0], rss), max(self.peak[1], pss))
            time.sleep(0.02)


async def server_latencies(saves: int, home: Path) -> dict[str, Any]:
    """Start the server, measure start -> first result, then save -> diagnostics per problem."""
    lsp = make_test_lsp_client()
    published: dict[tuple[str, int | None], float] = {}
    arrived = asyncio.Event()

    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        published[(params.uri, params.version)] = time.perf_counter()
        arrived.set()

    lsp.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
    lsp.feature(types.WORKSPACE_CODE_LENS_REFRESH)(lambda params: None)
    lsp.feature("mlkata/runFinished")(lambda params: None)
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    started = time.perf_counter()
    await lsp.start_io(sys.executable, "-m", "mlkata.server", env=env)
    await lsp.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            initialization_options={"databasePath": str(home / "db.sqlite3"), "solutionsFolder": str(home)},
        )
    )

    async def wait_for(key: tuple[str, int | None], timeout: float = 120) -> float:
        deadline = time.perf_counter() + timeout
        while key not in published:
            arrived.clear()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no diagnostics for {key}")
            try:
                await asyncio.wait_for(arrived.wait(), left)
            except TimeoutError:
                pass
        return published[key]

    results: dict[str, Any] = {"problems": {}}
    first = True
    server_process = lsp._server  # noqa: SLF001 (pygls's client keeps the server's process only there)
    assert server_process is not None
    pid = server_process.pid
    for problem_id, (good, bad) in CASES.items():
        texts = [solution(problem_id, good)[1], solution(problem_id, bad)[1]]
        uri = (home / f"{problem_id}.py").as_uri()
        lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=texts[0])
            )
        )
        done = await wait_for((uri, 1))
        if first:
            results["start_to_first_result_s"] = done - started
            first = False
            await asyncio.sleep(3)  # let the warm worker finish starting before measuring "idle"
            results["idle_rss_mib"], results["idle_pss_mib"] = tree_memory_mib(pid)
        sampler = Sampler(pid)
        sampler.start()
        latencies = []
        version = 1
        for i in range(saves + 5):  # 5 warm-up saves
            version += 1
            lsp.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=texts[i % 2])],
                )
            )
            sent = time.perf_counter()
            lsp.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
            got = await wait_for((uri, version))
            if i >= 5:
                latencies.append((got - sent) * 1000)
        sampler.stop.set()
        sampler.join()
        latencies.sort()
        results["problems"][problem_id] = {
            "p50_ms": statistics.median(latencies),
            "p95_ms": latencies[max(0, round(0.95 * len(latencies)) - 1)],
            "saves": len(latencies),
            "peak_rss_mib": sampler.peak[0],
            "peak_pss_mib": sampler.peak[1],
        }
    await lsp.shutdown_session()
    await lsp.stop()
    return results


ANALYSIS = "## Reading these figures"
"""Heading of the hand-written part of docs/benchmarks.md, which a new measurement keeps."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as home:
        server = asyncio.run(server_latencies(args.saves, Path(home)))
    for problem_id, (good, bad) in CASES.items():
        problem = load_problem(ROOT / "problems" / problem_id)
        floors = [floor_ms(problem, solution(problem_id, n)[1]) for n in (good, bad)]
        colds = [cold_pytest_ms(problem, solution(problem_id, n)[0]) for n in (good, bad)]
        s = server["problems"][problem_id]
        rows.append((problem_id, statistics.mean(floors), s, statistics.mean(colds)))

    lines = [
        "# Benchmarks",
        "",
        f"Measured by `python bench/latency.py --saves {args.saves}` (or `make bench`) on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. Each figure is from one run; the three columns were measured "
        "in that same run on the same solution files (a correct and a wrong one per problem).",
        "",
        "| problem | floor: drives in a warm process, no isolation | ML Kata: save -> diagnostics p50 / p95 | cold `python -m pytest` | ML Kata / floor | cold pytest / ML Kata |",
        "|---|---|---|---|---|---|",
    ]
    verdicts = []
    for problem_id, floor, s, cold in rows:
        lines.append(
            f"| {problem_id} | {floor:.1f} ms | {s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms ({s['saves']} saves) | "
            f"{cold:.0f} ms | {s['p50_ms'] / floor:.1f}x | {cold / s['p50_ms']:.1f}x |"
        )
    mha = next(s for pid, _, s, _ in rows if pid == "multi-head-attention")
    mha_cold = next(c for pid, _, _, c in rows if pid == "multi-head-attention")
    checks = [
        ("MHA save -> diagnostics p50 <= 50 ms", mha["p50_ms"], TARGETS["p50_ms"], "ms"),
        ("MHA save -> diagnostics p95 <= 120 ms", mha["p95_ms"], TARGETS["p95_ms"], "ms"),
        ("cold pytest / ML Kata at p50 >= 25x (MHA)", mha_cold / mha["p50_ms"], TARGETS["speedup"], "x"),
        ("server start -> first result <= 3 s", server["start_to_first_result_s"], TARGETS["start_s"], "s"),
        ("server + warm worker memory idle <= 400 MiB (summed PSS)", server["idle_pss_mib"], TARGETS["idle_mib"], "MiB"),
    ]
    lines += ["", "| target | measured | result |", "|---|---|---|"]
    for name, value, target, unit in checks:
        ok = value >= target if unit == "x" else value <= target
        verdicts.append(ok)
        lines.append(f"| {name} | {value:.1f} {unit} | {'pass' if ok else 'FAIL'} |")
    peak_rss = max(s["peak_rss_mib"] for _, _, s, _ in rows)
    peak_pss = max(s["peak_pss_mib"] for _, _, s, _ in rows)
    lines += [
        "",
        "| server + warm worker + spare run process | idle | peak during the runs |",
        "|---|---|---|",
        f"| summed PSS (shared pages divided among the processes sharing them) | {server['idle_pss_mib']:.0f} MiB "
        f"| {peak_pss:.0f} MiB |",
        f"| summed RSS (a shared page counted in every process mapping it) | {server['idle_rss_mib']:.0f} MiB "
        f"| {peak_rss:.0f} MiB |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:  # the analysis written below the tables (from its heading on) is kept
        old = args.out.read_text(encoding="utf-8")
        kept = old[old.index(ANALYSIS) :]
    except (OSError, ValueError):
        kept = ""
    args.out.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
