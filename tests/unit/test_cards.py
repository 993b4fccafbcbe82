"""Concept cards: loading a deck, every error naming the file and the field, follow-ups as cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import default_roots, load_bank
from mlkata.bank.cards import FOLLOWUPS_DECK, load_cards, mentions, reveal

GOOD = """
question = "Why divide by sqrt(d_k)?"
topic = "attention"
difficulty = "easy"
problems = ["layer-norm"]
source = "Vaswani et al. 2017, §3.2.1"
answer = '''The variance of $q \\\\cdot k$ grows with $d_k$ ...'''
[[points]]
text = "variance grows"
phrases = ["variance", "方差"]
[[points]]
text = "softmax saturates"
phrases = ["saturate"]
[[points]]
text = "gradients vanish"
phrases = ["vanishing gradient"]
"""


@pytest.fixture(scope="module")
def problems() -> dict:
    return load_bank(default_roots()).problems


def deck(tmp_path: Path, cards: dict[str, str], title: str = 'title = "Attention"') -> Path:
    folder = tmp_path / "concepts" / "attention"
    folder.mkdir(parents=True)
    (folder / "deck.toml").write_text(title)
    for name, text in cards.items():
        (folder / f"{name}.toml").write_text(text)
    return tmp_path


def test_a_deck_loads_with_its_cards_and_the_followups_become_cards(tmp_path: Path, problems: dict) -> None:
    cards = load_cards([deck(tmp_path, {"attention-scale": GOOD})], problems)
    assert cards.errors == ()
    card = cards.cards["attention-scale"]
    assert card.deck == "attention" and card.problems == ("layer-norm",) and len(card.points) == 3
    assert cards.decks["attention"].title == "Attention"
    followups = [c for c in cards.cards.values() if c.deck == FOLLOWUPS_DECK]
    assert len(followups) == sum(len(p.followups) for p in problems.values())
    assert all(c.problems and c.points == () for c in followups)
    shown = reveal(card, "the variance makes softmax saturate")
    assert [p["mentioned"] for p in shown["points"]] == [True, True, False] and "keyword match" in shown["note"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("Bad_Name", GOOD, "is not a kebab-case id"),
        ("no-topic", GOOD.replace('topic = "attention"\n', ""), "field 'topic': missing"),
        ("bad-difficulty", GOOD.replace('"easy"', '"trivial"'), "field 'difficulty': 'trivial' is not one of"),
        ("bad-link", GOOD.replace('"layer-norm"', '"no-such-problem"'), "field 'problems': no such problem: no-such-problem"),
        ("two-points", GOOD.split('[[points]]\ntext = "gradients')[0], "expected 3 to 6 [[points]] tables, got 2"),
        ("no-phrases", GOOD.replace('phrases = ["saturate"]', "phrases = []"), "point 2: 'phrases' must be"),
        ("extra", 'hint = "x"\n' + GOOD, "field 'hint': unknown field"),
        ("extra-in-point", GOOD + 'hint = "x"\n', "point 3: unknown field 'hint'"),
        ("broken", "question = ", "invalid TOML"),
    ],
)
def test_a_bad_card_is_skipped_with_an_error_naming_the_file_and_field(
    tmp_path: Path, problems: dict, name: str, text: str, message: str
) -> None:
    cards = load_cards([deck(tmp_path, {"ok-card": GOOD, name: text})], problems)
    assert "ok-card" in cards.cards and name not in cards.cards
    assert len(cards.errors) == 1 and f"{name}.toml" in cards.errors[0] and message in cards.errors[0]


def test_duplicate_ids_across_roots_and_a_deck_without_a_title(tmp_path: Path, problems: dict) -> None:
    first = deck(tmp_path / "a", {"attention-scale": GOOD})
    second = deck(tmp_path / "b", {"attention-scale": GOOD})
    cards = load_cards([first, second], problems)
    assert any("duplicate id: 'attention-scale'" in e for e in cards.errors)
    untitled = load_cards([deck(tmp_path / "c", {"x-card": GOOD}, title="")], problems)
    assert any("deck.toml: field 'title'" in e for e in untitled.errors) and "x-card" not in untitled.cards


def test_the_bundled_cards_all_load(problems: dict) -> None:
    cards = load_cards(default_roots(), problems)
    assert cards.errors == ()


COVERAGE = {
    "CLIP objective, temperature, both directions": ["clip-contrastive-objective", "clip-temperature", "clip-symmetric-loss"],
    "LoRA idea, init, rank, where, merging": [
        "lora-low-rank-update",
        "lora-initialisation",
        "lora-choosing-rank",
        "lora-target-modules",
        "lora-merge-for-inference",
    ],
    "BLIP's three losses and CapFilt": ["blip-pretraining-objectives", "blip-capfilt"],
    "BLIP-2 vs BLIP, Q-Former, two stages, masks": [
        "blip2-vs-blip",
        "blip2-qformer-architecture",
        "blip2-stage1-objectives",
        "blip2-stage2-generative",
        "blip2-attention-masks",
    ],
    "Qwen-VL's training stages": ["qwenvl-training-stages"],
    "Q-Former vs MLP projector; image features into the LLM": ["connector-qformer-vs-mlp", "vlm-visual-token-injection"],
    "encoder vs decoder attention; Q/K/V in self- and cross-attention": ["attn-encoder-vs-decoder", "attn-qkv-self-vs-cross"],
    "why sqrt(d_k)": ["attn-sqrt-dk-scaling"],
    "Qwen/Qwen2 changes": ["qwen-architecture-changes", "norm-rmsnorm", "qwen-swiglu-ffn", "posenc-rope", "qwen2-gqa-kv-savings"],
    "QKV bias and long context": ["qwen-qkv-bias", "longctx-pi-vs-ntk-aware", "longctx-qwen2-dca-recipe"],
    "causal attention and the KV cache": ["causal-mask-implementation", "kv-cache-what-is-cached"],
    "training vs inference parallelism": ["decoding-teacher-forcing-parallel", "decoding-autoregressive-loop"],
    "decoding methods": [
        "decoding-greedy",
        "decoding-beam-search",
        "decoding-temperature",
        "decoding-top-k",
        "decoding-top-p-nucleus",
        "decoding-repetition-penalty",
    ],
    "RLHF, reward model, PPO vs DPO, why not SFT only": [
        "rlhf-pipeline-instructgpt",
        "reward-model-bradley-terry",
        "dpo-vs-ppo",
        "rlhf-why-not-sft-only",
    ],
    "ALBEF, MoCo, SigLIP": ["albef-momentum-distillation", "moco-queue-dictionary", "siglip-sigmoid-loss"],
    "prefix-tuning vs P-tuning": ["peft-soft-prompt-comparison", "prefix-tuning-method", "p-tuning-prompt-encoder"],
    "ZeRO vs Megatron": ["zero-stages-memory", "tensor-parallel-mlp-split", "pipeline-parallel-bubble"],
    "FlashAttention vs sparse attention": ["effattn-flashattention", "effattn-sparse-patterns", "effattn-compare-long-context"],
    "positional encodings": ["posenc-sinusoidal", "posenc-alibi", "posenc-length-extrapolation"],
    "ViT patch embedding and BEiT": ["vit-patchify-cls-position", "beit-masked-image-modeling"],
    "chain-of-thought": ["cot-few-shot-prompting"],
    "video LLMs": ["videollama-architecture", "video-llm-frames-tokens"],
    "challenges of multimodal LLMs": ["mllm-hallucination", "mllm-resolution-tiling", "mllm-alignment-data-quality"],
    "model families up to reasoning models": ["family-bert", "family-gpt-decoder-only", "family-t5", "reasoning-o1-r1"],
    "quantisation for serving": ["quant-weight-only-vs-w8a8", "quant-gptq", "quant-awq"],
    "scenario questions": ["llm-output-filtering-pipeline", "prompt-design-extraction"],
}
"""Every concept the source interviews ask (issue list), by the cards that cover it."""


def test_the_bundled_cards_cover_every_concept_the_interviews_ask(problems: dict) -> None:
    cards = load_cards(default_roots(), problems)
    missing = {topic: [c for c in ids if c not in cards.cards] for topic, ids in COVERAGE.items()}
    assert {t: m for t, m in missing.items() if m} == {}
    authored = [c for c in cards.cards.values() if c.deck != FOLLOWUPS_DECK]
    assert len(authored) >= 150 and all(3 <= len(c.points) <= 6 for c in authored)
    assert all(any(mentions(c.answer, phrase) for phrase in p.phrases) for c in authored for p in c.points), (
        "every model answer mentions each of its own key points"
    )
