"""The binding marker is read in linear time, whatever the first line holds, on both sides.

A first line of 100 000 characters once blocked the server for 25 s: the pattern's quantifiers could
trade characters among themselves, and rejecting a long line took quadratic time. These are
complexity bounds, not benchmarks: a quadratic pattern takes seconds here, a linear one microseconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from mlkata import binding
from tests.unit.test_protocol_agreement import marker_declaration

N = 100_000
BOUND_S = 0.05
"""Per line; a linear match of 100 000 characters takes well under a millisecond."""

# First lines that a backtracking pattern can be slow on: long runs of what two quantifiers both take.
LONG_LINES: dict[str, str] = {
    "marker_then_spaces": "# mlkata: " + " " * N,
    "marker_spaces_then_two_words": "# mlkata:" + " " * N + "x y",
    "marker_word_spaces_word": "# mlkata: x" + " " * N + "y",
    "marker_long_id_then_word": "# mlkata: " + "x" * N + " y",
    "marker_tabs_then_two_words": "#\tmlkata:" + "\t" * N + "x\ty",
    "letters": "a" * N,
    "hash_spaces_then_letter": "#" + " " * N + "x",
    "spaces_then_hash": " " * N + "#",
    "spaces_hash_spaces": " " * N + "#" + " " * N + "mlkata",
    "byte_order_mark_then_spaces": "\ufeff" + " " * N + "# mlkata: x",
    "marker_repeated": "# mlkata: " * (N // 10),
}


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_a_long_first_line_is_bound_in_linear_time_in_python(name: str) -> None:
    line = LONG_LINES[name]
    started = time.perf_counter()
    binding.bind(line + "\ndef f():\n    pass\n")
    took = time.perf_counter() - started
    assert took < BOUND_S, f"{name}: binding a {len(line):,}-character first line took {took:.3f} s"


def test_long_lines_bind_as_a_short_line_of_the_same_shape_does() -> None:
    # The rewrite must not change what binds: the long id binds, the two words do not.
    assert binding.bind(LONG_LINES["marker_then_spaces"]) == binding.Binding("", 10 + N, 10 + N)
    assert binding.bind(LONG_LINES["marker_long_id_then_word"]) is None
    assert binding.bind("# mlkata: " + "x" * N) == binding.Binding("x" * N, 10, 10 + N)
    assert binding.bind(LONG_LINES["marker_spaces_then_two_words"]) is None


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH: the client's pattern is timed in Python only")
def test_a_long_first_line_is_bound_in_linear_time_in_node() -> None:
    expression, _ = marker_declaration()
    # Each line is timed inside node: the process's start-up is not part of the bound.
    script = (
        "const [expr, lines] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const re = new RegExp(eval(expr));"
        "console.log(JSON.stringify(lines.map((l) => { const t = process.hrtime.bigint(); const m = re.exec(l);"
        " return [Number(process.hrtime.bigint() - t) / 1e9, m ? m[1] : null]; })));"
    )
    names = sorted(LONG_LINES)
    done = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([expression, [LONG_LINES[n] for n in names]]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"node could not run the pattern {expression}: {done.stderr}"
    timed = dict(zip(names, json.loads(done.stdout), strict=True))
    slow = {n: took for n, (took, _) in timed.items() if took >= BOUND_S}
    assert not slow, f"node took {BOUND_S} s or more on: {slow}"
    python = {n: (m[1] if (m := binding.MARKER_RE.match(LONG_LINES[n])) else None) for n in names}
    differ = [n for n in names if timed[n][1] != python[n]]
    assert not differ, f"node and python bind these long lines differently: {differ}"
