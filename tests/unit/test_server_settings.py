"""Client settings and the interviews file: bad values named, good ones applied."""

from __future__ import annotations

from pathlib import Path

from mlkata.bank import Bank
from mlkata.bank.interviews import load_interviews
from mlkata.server.settings import Settings, parse

ROOT = Path(__file__).resolve().parents[2]


def test_settings_from_either_shape_and_bad_values_named() -> None:
    settings, errors = parse({"mlkata": {"runOnType": True, "debounceMs": 250, "problemsFolders": ["~/mine"], "trace": "x"}})
    assert settings.run_on_type and settings.debounce_ms == 250 and settings.problems_folders == (Path.home() / "mine",)
    assert errors == []
    kept, errors = parse({"timeMultiplier": "fast", "runOnSave": 1, "databasePath": ""}, settings)
    assert kept.time_multiplier == 1.0 and kept.run_on_save is True and kept.database_path is None
    assert errors == [
        "setting mlkata.timeMultiplier = 'fast' ignored: expected a number",
        "setting mlkata.runOnSave = 1 ignored: expected true or false",
    ]
    assert parse(None) == (Settings(), [])
    assert parse([1])[1] == ["settings must be an object, got list"]


def test_bundled_interviews_load(bank: Bank) -> None:
    interviews, errors = load_interviews([ROOT / "problems"], bank.problems)
    assert errors == [] and len(interviews) >= 3
    assert all(1 <= len(i.rounds) <= 3 for i in interviews.values())


def test_a_malformed_interview_is_named_and_the_others_load(tmp_path: Path, bank: Bank) -> None:
    (tmp_path / "interviews.toml").write_text(
        """
[[interview]]
id = "good"
title = "Good"
models = "x"
[[interview.round]]
problem = "layer-norm"
minutes = 15
[[interview.round]]
problem = "rms-norm"

[[interview]]
id = "long"
title = "Long"
models = "x"
[[interview.round]]
problem = "layer-norm"
minutes = 40

[[interview]]
id = "bad"
title = "Bad"
models = "x"
[[interview.round]]
problem = "no-such-problem"
minutes = 20

[[interview]]
id = "slow"
title = "Slow"
models = "x"
colour = "red"
[[interview.round]]
problem = "layer-norm"
minutes = 20
"""
    )
    interviews, errors = load_interviews([tmp_path], bank.problems)
    assert list(interviews) == ["good"]
    messages = [str(e) for e in errors]
    assert any("interview 'bad' round 1: names no known problem ('no-such-problem')" in m and "'problem'" in m for m in messages)
    assert any("interview 'slow': unknown field" in m and "'colour'" in m for m in messages)
    assert any("interview 'long' round 1: 40 minutes, but layer-norm suggests 15" in m and "'minutes'" in m for m in messages)
    assert [r.minutes for r in interviews["good"].rounds] == [15, 10], "a round without minutes gets the problem's"


def test_the_interview_sets_include_the_two_replayed_loops_in_phases(bank: Bank) -> None:
    from mlkata.bank import default_roots
    from mlkata.bank.cards import load_cards

    cards = load_cards(default_roots(), bank.problems).cards
    interviews, errors = load_interviews(default_roots(), bank.problems, cards)
    assert errors == [] and len(interviews) >= 20
    taobao = interviews["taobao-search-multimodal-loop"].rounds
    assert [r.problem for r in taobao] == ["multi-head-attention", "longest-common-subsequence", None]
    assert all(r.questions and r.question_minutes for r in taobao), "every round opens with spoken questions"
    assert {"clip-temperature", "attn-sqrt-dk-scaling", "dpo-vs-ppo"} <= {q for r in taobao for q in r.questions}
    bytedance = interviews["bytedance-multimodal-intern-loop"].rounds
    assert len(bytedance) == 3 and all(r.problem for r in bytedance) and bytedance[2].followup_minutes > 0
    for interview in interviews.values():
        for r in interview.rounds:
            assert r.problem is None or r.minutes == bank.get(r.problem).suggested_minutes, (interview.id, r.problem)
