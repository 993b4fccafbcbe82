"""Save -> diagnostics latency, measured side by side with its floor and a cold pytest baseline.

    python bench/latency.py [--saves 50] [--out docs/benchmarks.md]

For multi-head-attention and longest-common-subsequence, on a correct and a wrong solution:
1. floor: the hidden tests' drive calls in this (warm) process, no isolation, no comparison;
2. ML Kata: didSave -> publishDiagnostics through the real language server over stdio (warm
   worker), p50/p95 over --saves saves after a warm-up, alternating the correct and wrong text;
3. baseline: a cold ``python -m pytest`` of an equivalent test file (same drives, same checks,
   the reference computed in the same process), median of 5 runs.
Also: server start -> first published result, and the server's resident memory with its worker
(idle, and the peak sampled during runs); the kernel sandbox's cost (two servers, saves interleaved);
and the terminal's watch mode beside the server (``mlkata watch --json``: save -> its run printed,
interleaved with save -> diagnostics, and its start -> first result). Prints pass/fail against the
targets and writes Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import signal
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


SANDBOX_OFF = "landlock,seccomp"


class Saver:
    """One language server, driven over stdio: open a document, then time save -> diagnostics."""

    def __init__(self, home: Path, sandbox_off: str, env: dict[str, str] | None = None) -> None:
        self.home, self.sandbox_off, self.env = home, sandbox_off, env or {}
        self.lsp = make_test_lsp_client()
        self.published: dict[tuple[str, int | None], float] = {}
        self.arrived = asyncio.Event()
        self.versions: dict[str, int] = {}

    async def start(self) -> None:
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            self.published[(params.uri, params.version)] = time.perf_counter()
            self.arrived.set()

        self.lsp.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
        self.lsp.feature(types.WORKSPACE_CODE_LENS_REFRESH)(lambda params: None)
        self.lsp.feature("mlkata/runFinished")(lambda params: None)
        self.lsp.feature("mlkata/reviewChanged")(lambda params: None)
        home = self.home
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "MLKATA_SANDBOX_OFF": self.sandbox_off}
        env.update(self.env)
        await self.lsp.start_io(sys.executable, "-m", "mlkata.server", env=env)
        options = {"databasePath": str(home / "db.sqlite3"), "solutionsFolder": str(home)}
        await self.lsp.initialize_session(
            types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), initialization_options=options)
        )

    async def _published(self, key: tuple[str, int | None]) -> float:
        deadline = time.perf_counter() + 120
        while key not in self.published:
            self.arrived.clear()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no diagnostics for {key}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), 1)
        return self.published[key]

    async def open(self, name: str, text: str) -> str:
        uri = (self.home / name).as_uri()
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
        self.lsp.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        await self._published((uri, 1))
        return uri

    async def save(self, uri: str, text: str) -> float:
        """The text saved; ms until its diagnostics are published."""
        self.versions[uri] += 1
        version = self.versions[uri]
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
            )
        )
        sent = time.perf_counter()
        self.lsp.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        return (await self._published((uri, version)) - sent) * 1000

    async def stop(self) -> None:
        await self.lsp.shutdown_session()
        await self.lsp.stop()


async def server_latencies(saves: int, home: Path) -> dict[str, Any]:
    """Start the server, measure start -> first result, then save -> diagnostics per problem."""
    server = Saver(home, "")
    started = time.perf_counter()
    await server.start()
    results: dict[str, Any] = {"problems": {}}
    server_process = server.lsp._server  # noqa: SLF001 (pygls's client keeps the server's process only there)
    assert server_process is not None
    pid = server_process.pid
    for problem_id, (good, bad) in CASES.items():
        texts = [solution(problem_id, good)[1], solution(problem_id, bad)[1]]
        uri = await server.open(f"{problem_id}.py", texts[0])
        if "start_to_first_result_s" not in results:
            results["start_to_first_result_s"] = time.perf_counter() - started
            await asyncio.sleep(3)  # let the warm worker finish starting before measuring "idle"
            results["idle_rss_mib"], results["idle_pss_mib"] = tree_memory_mib(pid)
        sampler = Sampler(pid)
        sampler.start()
        latencies = []
        for i in range(saves + 5):  # 5 warm-up saves
            ms = await server.save(uri, texts[i % 2])
            if i >= 5:
                latencies.append(ms)
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
    await server.stop()
    return results


async def paired(servers: dict[str, Saver | Watcher], saves: int) -> dict[str, dict[str, list[float]]]:
    """Save -> diagnostics on each server in turn (the first to go alternates), per problem: ms per label."""
    for server in servers.values():
        await server.start()
    pooled: dict[str, dict[str, list[float]]] = {label: {} for label in servers}
    try:
        for problem_id, (good, bad) in CASES.items():
            texts = [solution(problem_id, good)[1], solution(problem_id, bad)[1]]
            uris = {label: await server.open(f"{problem_id}.py", texts[0]) for label, server in servers.items()}
            for i in range(saves + 5):  # 5 warm-up saves
                order = list(servers.items()) if i % 2 else list(servers.items())[::-1]
                for label, server in order:
                    ms = await server.save(uris[label], texts[(i // 2) % 2])
                    if i >= 5:
                        pooled[label].setdefault(problem_id, []).append(ms)
    finally:
        for server in servers.values():
            await server.stop()
    return pooled


def sandbox_cost(saves: int) -> dict[str, dict[str, list[float]]]:
    """Save -> diagnostics with the kernel sandbox and without it: two servers, saves interleaved one by one.

    Both servers are up at once and take turns (which one goes first alternates), so whatever else
    the machine does weighs on both alike; the ratio, not either figure, is the result.
    """
    with tempfile.TemporaryDirectory() as on, tempfile.TemporaryDirectory() as off:
        return asyncio.run(paired({"on": Saver(Path(on), ""), "off": Saver(Path(off), SANDBOX_OFF)}, saves))


def sandbox_rows(pooled: dict[str, dict[str, list[float]]]) -> list[str]:
    """The sandbox's cost: p50 with and without it, per problem, and the ratio (target: within 10%)."""
    lines = [
        "",
        f"The kernel sandbox's cost (Landlock + seccomp): two servers, one with `MLKATA_SANDBOX_OFF={SANDBOX_OFF}`, "
        f"saves interleaved one by one, {len(next(iter(pooled['on'].values())))} saves each per problem:",
        "",
        "| problem | p50 with the sandbox | p50 without | with / without | target <= 1.10 |",
        "|---|---|---|---|---|",
    ]
    for problem_id, on in pooled["on"].items():
        off = pooled["off"][problem_id]
        ratio = statistics.median(on) / statistics.median(off)
        lines.append(
            f"| {problem_id} | {statistics.median(on):.1f} ms | {statistics.median(off):.1f} ms | {ratio:.3f} | "
            f"{'pass' if ratio <= 1.10 else 'FAIL'} |"
        )
    return lines


class Watcher:
    """``mlkata watch --json``, one per file, driven like :class:`Saver`: write the file, time until its run is printed."""

    def __init__(self, home: Path, sandbox_off: str = "") -> None:
        self.home, self.sandbox_off = home, sandbox_off
        self.procs: dict[str, asyncio.subprocess.Process] = {}
        self.start_to_first_result_s: dict[str, float] = {}

    async def start(self) -> None:
        """Nothing runs before a file is opened: each file has its own watch."""

    async def open(self, name: str, text: str) -> str:
        """Write the file and start watching it; returns its path once its first run is printed."""
        path = self.home / name
        path.write_text(text, encoding="utf-8")
        problem = text.split("\n", 1)[0].partition(":")[2].strip()
        env = {
            **os.environ,
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / "data"),
            "MLKATA_SANDBOX_OFF": self.sandbox_off,
        }
        database = str(self.home / "db.sqlite3")
        started = time.perf_counter()
        self.procs[str(path)] = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "mlkata", "watch", problem, str(path), "--json", "--database", database),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env,
            limit=1 << 24,
        )
        await self._next_run(str(path))
        self.start_to_first_result_s[problem] = time.perf_counter() - started
        return str(path)

    async def _next_run(self, key: str) -> None:
        stdout = self.procs[key].stdout
        assert stdout is not None
        while True:
            line = await asyncio.wait_for(stdout.readline(), 120)
            if not line:
                raise RuntimeError(f"mlkata watch {key} ended")
            event = json.loads(line)
            if event["event"] == "run":
                return
            if event["event"] == "error":
                raise RuntimeError(f"mlkata watch {key}: {event['message']}")

    async def save(self, key: str, text: str) -> float:
        """The text saved (written in place); ms until the run's line is printed."""
        sent = time.perf_counter()
        Path(key).write_text(text, encoding="utf-8")
        await self._next_run(key)
        return (time.perf_counter() - sent) * 1000

    async def stop(self) -> None:
        for proc in self.procs.values():
            proc.send_signal(signal.SIGINT)
            await proc.wait()


def watch_cost(saves: int) -> tuple[dict[str, dict[str, list[float]]], dict[str, float]]:
    """Save -> result: the language server's diagnostics and ``mlkata watch``'s printed run, saves interleaved one by one.

    As :func:`sandbox_cost`: both up at once, taking turns, the ratio is the result. Also each watch's
    start -> first result (the worker's start included).
    """
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        watcher = Watcher(Path(b))
        pooled = asyncio.run(paired({"server": Saver(Path(a), ""), "watch": watcher}, saves))
    return pooled, watcher.start_to_first_result_s


def watch_rows(pooled: dict[str, dict[str, list[float]]], starts: dict[str, float]) -> tuple[list[str], list[bool]]:
    """The watch mode beside the server: p50 / p95 of each, per problem, the ratio (target: within 10%); and the verdicts."""
    lines = [
        "",
        "`mlkata watch` beside the language server: save -> result printed (the `run` line of `--json`, the file "
        f"written in place) and save -> diagnostics, saves interleaved one by one, {len(next(iter(pooled['watch'].values())))} "
        "saves each per problem:",
        "",
        "| problem | server p50 / p95 | `mlkata watch` p50 / p95 | watch / server at p50 | target <= 1.10 | watch start -> first result |",
        "|---|---|---|---|---|---|",
    ]
    verdicts = []
    for problem_id, server in pooled["server"].items():
        watch = sorted(pooled["watch"][problem_id])
        server = sorted(server)
        ratio = statistics.median(watch) / statistics.median(server)
        verdicts.append(ratio <= 1.10)
        lines.append(
            f"| {problem_id} | {statistics.median(server):.1f} / {percentile(server, 0.95):.1f} ms | "
            f"{statistics.median(watch):.1f} / {percentile(watch, 0.95):.1f} ms | {ratio:.3f} | "
            f"{'pass' if verdicts[-1] else 'FAIL'} | {starts[problem_id]:.1f} s |"
        )
    return lines, verdicts


def percentile(ordered: list[float], q: float) -> float:
    """The q-quantile of sorted values, as the server's p95 is taken."""
    return ordered[max(0, round(q * len(ordered)) - 1)]


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
    sandbox = sandbox_cost(args.saves)
    watch, watch_starts = watch_cost(args.saves)
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
    lines += sandbox_rows(sandbox)
    watch_lines, watch_verdicts = watch_rows(watch, watch_starts)
    lines += watch_lines
    verdicts += watch_verdicts
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
