# expect: passed
# Correct alternative: torch.autograd.grad per micro-batch, summed by hand with split() and weights n_i / N.
import torch


def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    params = [p for p in model.parameters() if p.requires_grad]
    acc = [torch.zeros_like(p) for p in params]
    n = len(inputs)
    weighted = 0.0
    for x, y in zip(inputs.split(micro_batch_size), targets.split(micro_batch_size)):
        w = len(x) / n
        loss = loss_fn(model(x), y)
        for a, g in zip(acc, torch.autograd.grad(loss, params)):
            a.add_(g, alpha=w)
        weighted += w * float(loss)
    for p, a in zip(params, acc):
        p.grad = a
    return weighted
