"""Hidden tests for gradient-accumulation."""

import torch
import torch.nn.functional as F
from torch import nn

from mlkata.judge.api import Rand, WrongAnswer, set_param, test


class Recorded(nn.Module):
    """A small MLP that records the rows of every forward call."""

    def __init__(self, d_in, d_hidden, d_out, seed):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)
        r = Rand(seed)
        for name, shape in (("fc1.weight", (d_hidden, d_in)), ("fc1.bias", (d_hidden,)),
                            ("fc2.weight", (d_out, d_hidden)), ("fc2.bias", (d_out,))):
            set_param(self, name, r.randn(*shape, scale=0.7))
        self.calls = []

    def forward(self, x):
        self.calls.append(int(x.shape[0]))
        return self.fc2(torch.tanh(self.fc1(x)))


def grads(model):
    out = {}
    for name, p in model.named_parameters():
        out[f"{name}.grad"] = None if p.grad is None else p.grad.detach().clone()
    return out


def regression(seed, n, d_in=4, d_out=2):
    r = Rand(seed)
    return r.randn(n, d_in), r.randn(n, d_out)


def classification(seed, n, d_in=4, classes=3):
    r = Rand(seed)
    return r.randn(n, d_in), r.randint(0, classes, n)


@test
def even_split_matches_full_batch_gradient(fn):
    # N = 8 in two micro-batches of 4, mean-squared error.
    model = Recorded(4, 5, 2, seed=10)
    x, y = regression(1, 8)
    fn(model, F.mse_loss, x, y, 4)
    return grads(model)


@test
def uneven_last_micro_batch(fn):
    # N = 10 with m = 4: micro-batches of 4, 4 and 2 rows; cross-entropy with class targets.
    model = Recorded(4, 5, 3, seed=20)
    x, y = classification(2, 10)
    fn(model, F.cross_entropy, x, y, 4)
    return grads(model)


@test
def micro_batches_are_consecutive_slices(fn):
    # N = 11, m = 3: the model must see 3, 3, 3, 2 rows, in this order.
    model = Recorded(4, 5, 2, seed=30)
    x, y = regression(3, 11)
    seen = []

    def loss_fn(out, target):
        seen.append(float(target.sum()))
        return F.mse_loss(out, target)

    fn(model, loss_fn, x, y, 3)
    return {"rows per model call": model.calls, "sum of the targets of each loss_fn call": seen}


@test
def existing_gradients_are_replaced(fn):
    # Stale gradients from an earlier step must not be added to the result.
    model = Recorded(4, 5, 2, seed=40)
    r = Rand(41)
    for p in model.parameters():
        p.grad = r.randn(*p.shape)
    x, y = regression(4, 6)
    fn(model, F.mse_loss, x, y, 4)
    return grads(model)


@test
def micro_batch_larger_than_batch(fn):
    model = Recorded(4, 5, 3, seed=50)
    x, y = classification(5, 5)
    fn(model, F.cross_entropy, x, y, 16)
    return {"rows per model call": model.calls, **grads(model)}


@test
def micro_batches_of_one_row(fn):
    # The smallest sizes: m = 1 (N = 5 calls of one row each), then N = 1 with m = 1.
    model = Recorded(4, 5, 2, seed=55)
    x, y = regression(8, 5)
    fn(model, F.mse_loss, x, y, 1)
    result = {"rows per model call": list(model.calls), **grads(model)}
    single = Recorded(4, 5, 2, seed=56)
    x1, y1 = regression(9, 1)
    fn(single, F.mse_loss, x1, y1, 1)
    result.update({f"{name} (N = 1)": g for name, g in grads(single).items()})
    return result


@test
def returns_full_batch_loss(fn):
    # N = 7, m = 3: the returned value is the mean over all 7 rows.
    model = Recorded(4, 5, 2, seed=60)
    x, y = regression(6, 7)
    returned = fn(model, F.mse_loss, x, y, 3)
    if isinstance(returned, torch.Tensor):
        raise WrongAnswer(f"accumulate_gradients should return a Python float, got a tensor of shape {tuple(returned.shape)} (call .item())")
    return {"returned loss": returned}


@test
def parameters_are_not_updated(fn):
    model = Recorded(4, 5, 2, seed=70)
    x, y = regression(7, 6)
    fn(model, F.mse_loss, x, y, 2)
    return {name: p.detach().clone() for name, p in model.named_parameters()}
