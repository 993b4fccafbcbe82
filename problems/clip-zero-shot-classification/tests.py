"""Hidden tests for clip-zero-shot-classification."""

import math
import zlib

import torch

from mlkata.judge.api import Rand, WrongAnswer, require, same, tensor, test, unpack

CALL = "zero_shot_logits(image_features, classnames, templates, encode_text, logit_scale)"
CLASSES = ["golden retriever", "tabby cat", "red fox", "sports car"]
TEMPLATES = ["a photo of a {}.", "a blurry photo of the {}.", "a sketch of a {}.", "itap of my {}."]
CLIP_INIT = math.log(1 / 0.07)


class FakeTextEncoder:
    """A deterministic stand-in for CLIP's text tower: each string maps to its own vector, with
    norms between 0.5 and 3 (so normalising before or after averaging differs), plus a shared
    per-class direction so prompts of one class agree more than prompts of different classes."""

    def __init__(self, seed, dim, dtype=torch.float32):
        self.seed, self.dim, self.dtype = seed, dim, dtype
        self.encoded = []

    def vector(self, key, scale):
        g = torch.Generator().manual_seed(self.seed * 1_000_003 + zlib.crc32(key.encode()))
        v = torch.randn(self.dim, generator=g, dtype=torch.float64)
        return v * scale

    def __call__(self, texts):
        if isinstance(texts, str) or not isinstance(texts, (list, tuple)):
            raise WrongAnswer(f"encode_text takes a list of strings, got {type(texts).__name__}")
        rows = []
        for text in texts:
            if not isinstance(text, str):
                raise WrongAnswer(f"encode_text takes a list of strings, got an item of type {type(text).__name__}")
            self.encoded.append(text)
            shared = sum((self.vector("class:" + c, 1.0) for c in CLASSES if c in text), torch.zeros(self.dim, dtype=torch.float64))
            g = torch.Generator().manual_seed(zlib.crc32(text.encode()))
            norm = 0.5 + 2.5 * float(torch.rand(1, generator=g, dtype=torch.float64))
            v = shared + self.vector("prompt:" + text, 0.8)
            rows.append(v / v.norm() * norm)
        if not rows:
            raise WrongAnswer("encode_text was called with an empty list")
        return torch.stack(rows).to(self.dtype)


def classify(fn, image_features, classnames, templates, encoder, logit_scale):
    result = fn(image_features, classnames, templates, encoder, logit_scale)
    logits, weights = unpack(result, 2, CALL)
    return tensor(logits, "logits"), tensor(weights, "class_embeddings")


def images(seed, n=5, d=12):
    # Feature norms between 0.5 and 4: the image side must be normalised too.
    r = Rand(seed)
    x = r.randn(n, d)
    return x / x.norm(dim=-1, keepdim=True) * r.rand(n, 1, low=0.5, high=4.0)


@test
def logits_match_reference(fn):
    # 5 images, 4 classes, 4 templates, D = 12, CLIP's initial scale 1 / 0.07.
    logits, _ = classify(fn, images(1), CLASSES, TEMPLATES, FakeTextEncoder(1, 12), torch.tensor(CLIP_INIT))
    return {"logits": logits}


@test
def class_embeddings_are_normalised_ensembles(fn):
    # Prompt embeddings of different norms: normalise each, average, normalise again.
    _, weights = classify(fn, images(2), CLASSES, TEMPLATES, FakeTextEncoder(2, 12), torch.tensor(CLIP_INIT))
    return {"class_embeddings": weights}


def _every_prompt(expected, got):
    missing = sorted(set(expected["prompts encoded"]) - set(got["prompts encoded"]))
    require(not missing, f"the prompt {missing[0]!r} was never encoded: prompt j of class c is templates[j].format(classnames[c])" if missing else "")
    extra = sorted(set(got["prompts encoded"]) - set(expected["prompts encoded"]))
    require(not extra, f"encoded {extra[0]!r}, which is not one of the C * T prompts" if extra else "")
    same(expected["logits"], got["logits"], "logits")


@test(check=_every_prompt)
def every_template_and_class_is_encoded(fn):
    encoder = FakeTextEncoder(3, 10)
    logits, _ = classify(fn, images(3, d=10), CLASSES[:3], TEMPLATES, encoder, torch.tensor(CLIP_INIT))
    return {"logits": logits, "prompts encoded": sorted(set(encoder.encoded))}


@test
def images_are_normalised(fn):
    # The same images scaled by 10: cosine logits must not change.
    x = images(4)
    logits, _ = classify(fn, x * 10.0, CLASSES, TEMPLATES[:2], FakeTextEncoder(4, 12), torch.tensor(CLIP_INIT))
    return {"logits": logits}


@test
def scale_is_exp_of_logit_scale(fn):
    # logit_scale = log(20): the logits are 20 times the cosines (not 20 * log(20), not log(20)).
    logits, _ = classify(fn, images(5), CLASSES, TEMPLATES[:3], FakeTextEncoder(5, 12), torch.tensor(math.log(20.0)))
    return {"logits": logits}


@test
def scale_clamped_at_100(fn):
    # logit_scale = log(250): exp gives 250, clamped to 100.
    logits, _ = classify(fn, images(6), CLASSES, TEMPLATES[:3], FakeTextEncoder(6, 12), torch.tensor(math.log(250.0)))
    return {"logits": logits}


@test
def single_template(fn):
    # T = 1: the class embedding is the normalised embedding of its one prompt.
    logits, weights = classify(fn, images(7, n=3), CLASSES, TEMPLATES[1:2], FakeTextEncoder(7, 12), torch.tensor(CLIP_INIT))
    return {"logits": logits, "class_embeddings": weights}


@test
def single_class_and_image(fn):
    # C = 1, N = 1: shapes (1, 1) and (1, D).
    logits, weights = classify(fn, images(8, n=1, d=6), CLASSES[2:3], TEMPLATES, FakeTextEncoder(8, 6), torch.tensor(CLIP_INIT))
    return {"logits": logits, "class_embeddings": weights}


@test
def columns_follow_classnames_order(fn):
    # The classes in another order: the columns of logits and the rows of class_embeddings follow it.
    names = [CLASSES[3], CLASSES[0], CLASSES[2]]
    logits, weights = classify(fn, images(9, n=4), names, TEMPLATES, FakeTextEncoder(9, 12), torch.tensor(CLIP_INIT))
    return {"logits": logits, "class_embeddings": weights}


def _unchanged(expected, got):
    for name in ("image_features", "logit_scale"):
        require(
            bool(torch.equal(got[f"{name} after the call"], got[f"{name} before the call"])),
            f"{name} was modified by the call (an in-place /= ?): the inputs must be left unchanged",
        )
    same(expected["logits"], got["logits"], "logits")


@test(check=_unchanged)
def inputs_unchanged(fn):
    x = images(10)
    scale = torch.tensor(CLIP_INIT)
    _before = {"image_features before the call": x.clone(), "logit_scale before the call": scale.clone()}
    logits, _ = classify(fn, x, CLASSES, TEMPLATES, FakeTextEncoder(10, 12), scale)
    return {**_before, "logits": logits, "image_features after the call": x, "logit_scale after the call": scale}


@test
def outputs_keep_input_dtype(fn):
    # float64 features, text embeddings and scale: float64 logits and class embeddings.
    logits, weights = classify(
        fn, images(11).double(), CLASSES, TEMPLATES, FakeTextEncoder(11, 12, torch.float64), torch.tensor(CLIP_INIT, dtype=torch.float64)
    )
    return {"logits": logits, "class_embeddings": weights}
