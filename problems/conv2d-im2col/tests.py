"""Hidden tests for conv2d-im2col."""

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test

# Sums of up to a few hundred float32 products: the matmul order differs from F.conv2d's.
TOL = {"atol": 1e-4, "rtol": 1e-4}


def inputs(seed, n=2, c_in=3, h=5, w=7, c_out=4, kh=3, kw=2, with_bias=True):
    r = Rand(seed)
    x = r.randn(n, c_in, h, w)
    weight = r.randn(c_out, c_in, kh, kw, scale=0.5)
    bias = r.randn(c_out) if with_bias else None
    return x, weight, bias


def conv(fn, x, weight, bias=None, **kw):
    return tensor(fn(x, weight, bias, **kw), "out")


@test(**TOL)
def no_padding_unit_stride(fn):
    # Non-square image and kernel, C_in != C_out, no bias.
    x, weight, _ = inputs(1, with_bias=False)
    return {"out": conv(fn, x, weight)}


@test(**TOL)
def bias_per_output_channel(fn):
    x, weight, bias = inputs(2, c_out=5)
    return {"out": conv(fn, x, weight, bias)}


@test(**TOL)
def kernel_not_flipped(fn):
    # A single asymmetric kernel on a 1-channel image: a true (flipped) convolution differs.
    x = torch.arange(20.0).reshape(1, 1, 4, 5) / 10
    weight = torch.tensor([[[[1.0, 2.0], [0.0, -1.0]]]])
    return {"out": conv(fn, x, weight)}


@test(**TOL)
def stride_two(fn):
    # H + 2p - kH = 5 is odd: the last row of windows is dropped (floor).
    x, weight, bias = inputs(3, h=8, w=9, kh=3, kw=3)
    return {"out": conv(fn, x, weight, bias, stride=2)}


@test(**TOL)
def stride_per_axis(fn):
    x, weight, bias = inputs(4, h=7, w=6)
    return {"out": conv(fn, x, weight, bias, stride=(2, 1))}


@test(**TOL)
def zero_padding(fn):
    x, weight, bias = inputs(5, h=4, w=6, kh=3, kw=3)
    return {"out": conv(fn, x, weight, bias, padding=1)}


@test(**TOL)
def padding_per_axis(fn):
    x, weight, bias = inputs(6, h=5, w=4, kh=2, kw=3)
    return {"out": conv(fn, x, weight, bias, padding=(2, 1))}


@test(**TOL)
def stride_and_padding_together(fn):
    x, weight, bias = inputs(7, n=3, c_in=2, h=9, w=6, c_out=3, kh=4, kw=3)
    return {"out": conv(fn, x, weight, bias, stride=(3, 2), padding=(1, 2))}


@test(**TOL)
def one_by_one_kernel(fn):
    x, weight, bias = inputs(8, h=3, w=5, c_out=6, kh=1, kw=1)
    return {"out": conv(fn, x, weight, bias)}


@test(**TOL)
def kernel_covers_padded_image(fn):
    # kH = H + 2p_h, kW = W + 2p_w: a single output position.
    x, weight, bias = inputs(9, h=3, w=2, kh=5, kw=2)
    return {"out": conv(fn, x, weight, bias, padding=(1, 0))}


@test(**TOL)
def gradients_flow(fn):
    x, weight, bias = inputs(10, h=6, w=5)
    for t in (x, weight, bias):
        t.requires_grad_(True)
    out = conv(fn, x, weight, bias, stride=(1, 2), padding=1)
    backward(out, seed=100, what="out")
    return {"x.grad": x.grad, "weight.grad": weight.grad, "bias.grad": bias.grad}


def _float64(expected, got):
    require(got["dtype"] == "torch.float64", f"out is {got['dtype']}: float64 inputs give a float64 output")
    same(expected["out"], got["out"], "out", **TOL)


@test(check=_float64)
def keeps_float64(fn):
    x, weight, bias = (t.double() for t in inputs(11))
    out = conv(fn, x, weight, bias, stride=2, padding=1)
    return {"out": out, "dtype": str(out.dtype)}
