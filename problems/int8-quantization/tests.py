"""Hidden tests for int8-quantization."""

import torch

from mlkata.judge.api import Fail, Rand, require, same, tensor, test, unpack

CALL = "quantize_int8(x, symmetric, axis)"


def quant(fn, x, symmetric=True, axis=None):
    q, scale, zero_point = unpack(fn(x, symmetric, axis), 3, CALL)
    return {"q": tensor(q, "q"), "scale": tensor(scale, "scale"), "zero_point": tensor(zero_point, "zero_point")}


@test
def symmetric_per_tensor(fn):
    x = Rand(1).randn(4, 6)
    return quant(fn, x)


@test
def symmetric_range_is_minus_127_to_127(fn):
    # The most negative value has |x| = max|x|: it maps to -127, never -128.
    x = torch.tensor([-3.0, 1.0, 0.2, 3.0, -1.5, 2.9])
    return quant(fn, x)


@test
def asymmetric_per_tensor_mixed_signs(fn):
    x = Rand(3).randn(5, 4) + 0.7
    return quant(fn, x, symmetric=False)


@test
def asymmetric_range_contains_zero(fn):
    # All positive (post-ReLU activations) and all negative: the range is widened to include 0.
    r = Rand(4)
    return {
        "positive": quant(fn, r.rand(3, 5, low=0.5, high=3.0), symmetric=False),
        "negative": quant(fn, r.rand(6, low=-2.0, high=-0.25), symmetric=False),
    }


@test
def per_channel_symmetric_rows(fn):
    # A (out, in) weight with one outlier row: per-channel scales differ row by row.
    x = Rand(5).randn(4, 7)
    x[2] *= 20
    return quant(fn, x, axis=0)


@test
def per_channel_asymmetric_columns(fn):
    x = Rand(6).randn(5, 3) * torch.tensor([0.1, 1.0, 5.0]) + torch.tensor([1.0, -0.5, 0.0])
    return quant(fn, x, symmetric=False, axis=1)


@test
def per_channel_middle_and_negative_axis(fn):
    # (2, 3, 4): statistics over dims 0 and 2 for axis=1 (= -2).
    x = Rand(7).randn(2, 3, 4)
    return {"symmetric": quant(fn, x, True, -2), "asymmetric": quant(fn, x, False, 1)}


@test
def all_zero_group_gets_unit_scale(fn):
    x = Rand(8).randn(3, 4)
    x[1] = 0.0
    return {
        "per channel symmetric": quant(fn, x, True, 0),
        "per channel asymmetric": quant(fn, x, False, 0),
        "whole tensor": quant(fn, torch.zeros(2, 3), True, None),
        "whole tensor asymmetric": quant(fn, torch.zeros(5), False, None),
    }


@test
def rounds_half_to_even(fn):
    # max|x| = 127, so the scale is exactly 1 and x / s lands exactly on halves.
    x = torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, 127.0])
    return quant(fn, x)


def _bound(expected, got):
    for case, err in got["max |x - x_hat| / (s / 2)"].items():
        require(err <= 1.0 + 1e-3, f"{case}: the dequantised (q - z) * s is off by {err:.3f} * s/2 somewhere: every element must be within s/2")
    for case in expected["results"]:
        for key in ("q", "scale", "zero_point"):
            same(expected["results"][case][key], got["results"][case][key], f"{case} {key}")


@test(check=_bound)
def dequantisation_error_within_half_step(fn):
    r = Rand(9)
    x = r.randn(6, 8, scale=2.0) + r.rand(6, 1, low=-1.0, high=1.0)
    results, ratio = {}, {}
    for _name, sym, ax in (("symmetric per tensor", True, None), ("asymmetric per tensor", False, None),
                           ("symmetric per row", True, 0), ("asymmetric per column", False, 1)):
        out = quant(fn, x, sym, ax)
        shape = [1, 1]
        if ax is not None:
            shape[ax] = x.shape[ax]
        s = out["scale"].to(torch.float32).reshape(shape)
        z = out["zero_point"].to(torch.float32).reshape(shape)
        x_hat = (out["q"].to(torch.float32) - z) * s
        results[_name] = out
        ratio[_name] = float(((x - x_hat).abs() / (s / 2)).max())
    return {"results": results, "max |x - x_hat| / (s / 2)": ratio}


def _dtypes(expected, got):
    for case, kinds in got["dtypes and shapes"].items():
        want = expected["dtypes and shapes"][case]
        require(kinds == want, f"{case}: (q, scale, zero_point) are {kinds}, expected {want}")


@test(check=_dtypes)
def dtypes_and_shapes(fn):
    x = Rand(10).randn(3, 5)
    info = {}
    for _name, ax in (("per tensor", None), ("per channel axis=1", 1)):
        out = quant(fn, x, False, ax)
        info[_name] = [f"{out[k].dtype} {list(out[k].shape)}" for k in ("q", "scale", "zero_point")]
    return {"dtypes and shapes": info}


def _unchanged(expected, got):
    require(got["x unchanged"], "quantize_int8 modified x in place")
    for key in ("q", "scale", "zero_point"):
        same(expected[key], got[key], key)


@test(check=_unchanged)
def x_not_modified(fn):
    x = Rand(11).randn(4, 3)
    before = x.clone()
    out = quant(fn, x, False, 0)
    out["x unchanged"] = bool(torch.equal(x, before))
    return out


@test
def defaults_are_symmetric_per_tensor(fn):
    # quantize_int8(x) alone: symmetric=True, axis=None.
    x = Rand(12).randn(3, 4) + 0.5
    q, scale, zero_point = unpack(fn(x), 3, "quantize_int8(x)")
    return {"q": tensor(q, "q"), "scale": tensor(scale, "scale"), "zero_point": tensor(zero_point, "zero_point")}


@test
def small_magnitudes_keep_their_own_scale(fn):
    # max|x| well below 1: the scale is max|x| / 127, only an exact zero group gets 1.0.
    x = Rand(13).randn(4, 5, scale=0.01)
    return {"symmetric": quant(fn, x, True, None), "asymmetric per row": quant(fn, x, False, 0)}


@test
def per_channel_on_four_dims(fn):
    # A (2, 3, 4, 5) tensor per channel along axis 2: statistics over dims 0, 1 and 3.
    x = Rand(14).randn(2, 3, 4, 5) * torch.tensor([0.1, 1.0, 3.0, 10.0]).reshape(1, 1, 4, 1)
    return {"symmetric": quant(fn, x, True, 2), "asymmetric": quant(fn, x, False, -2)}
