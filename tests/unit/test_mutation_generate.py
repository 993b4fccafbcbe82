"""Mutant generation: stable ids, no duplicates, the deterministic sample, what a mutant shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.mutation.equivalents import ID
from mlkata.mutation.generate import OPERATOR_NAMES, generate, sample

ROOT = Path(__file__).resolve().parents[2]

SDPA = '''\
import math

import torch


def attention(q, k, v, mask=None):
    """softmax(q k^T / sqrt(d)) v."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
'''


def by_id(text: str) -> dict[str, str]:
    """Each mutant's id and the line it changed (stripped)."""
    return {m.id: " | ".join(line.strip() for line in m.after) for m in generate(text)}


def test_ids_survive_unrelated_edits() -> None:
    before = by_id(SDPA)
    edited = SDPA.replace("import math\n", "import math  # for sqrt\n\nEPS = 1e-9\n").replace(
        "    if mask is not None:", "    # the mask is boolean\n    if mask   is not None:"
    )
    after = by_id(edited)
    assert set(before) <= set(after)  # EPS adds mutants of its own; none of the others changed id
    softmax = [i for i, line in before.items() if "dim=-2" in line]
    assert softmax == [i for i, line in after.items() if "dim=-2" in line] and softmax[0].startswith("dim:")


def test_ids_name_the_operator_and_count_identical_statements() -> None:
    text = "def f(a, b):\n    x = a + b\n    y = a + b\n    x = a + b\n    return x, y\n"
    ids = [m.id for m in generate(text) if m.operator == "arith"]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert ids[0].rsplit(":", 1)[0] == ids[2].rsplit(":", 1)[0]  # the two `x = a + b`: one hash, occurrences 0 and 1
    assert (ids[0][-2:], ids[2][-2:]) == (":0", ":1")
    assert all(ID.match(i) for i in ids)


def test_every_id_is_unique_and_well_formed_on_every_reference() -> None:
    for path in sorted((ROOT / "problems").glob("*/solution.py")):
        mutants = generate(path.read_text(encoding="utf-8"))
        ids = [m.id for m in mutants]
        assert len(ids) == len(set(ids)), path
        assert all(ID.match(i) and i.split(":")[0] in OPERATOR_NAMES for i in ids), path
        sources = [m.source for m in mutants]
        assert len(sources) == len(set(sources)) and path.read_text(encoding="utf-8") not in sources, path


def test_duplicates_keep_the_first_operators_name() -> None:
    mutants = generate("import torch\n\n\ndef f(x):\n    return torch.softmax(x, dim=-1)\n")
    minus_two = [m for m in mutants if "dim=-2" in m.after[0]]
    assert [m.operator for m in minus_two] == ["dim"]
    assert minus_two[0].description == "softmax dim=-1 -> dim=-2 at line 5"


def test_a_mutant_shows_its_lines_before_and_after() -> None:
    m = next(m for m in generate(SDPA) if m.operator == "mask" and "masked_fill(mask" in m.after[0])
    assert m.before == ('        scores = scores.masked_fill(~mask, float("-inf"))',)
    assert m.after == ('        scores = scores.masked_fill(mask, float("-inf"))',)
    assert m.line == 10 and m.description == "mask inverted: `~mask` -> `mask` at line 10"
    moved = next(
        m
        for m in generate("def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n")
        if m.operator == "return-early"
    )
    assert moved.before == ("        t += x", "    return t") and moved.after == ("        t += x", "        return t")


def test_the_sample_is_capped_deterministic_and_spread_over_operators() -> None:
    text = (ROOT / "problems" / "longest-common-subsequence" / "solution.py").read_text(encoding="utf-8")
    mutants = generate(text)
    first, again = sample(mutants, 20), sample(generate(text), 20)
    assert len(first) == 20 and [m.id for m in first] == [m.id for m in again]
    assert {m.operator for m in first} == {m.operator for m in mutants}
    assert sample(mutants, 1000) == mutants


def test_a_reference_that_does_not_parse_is_a_syntax_error() -> None:
    with pytest.raises(SyntaxError):
        generate("def f(:\n")
