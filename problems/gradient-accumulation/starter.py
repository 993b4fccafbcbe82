import torch


def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    """Leave in every parameter's .grad the gradient of loss_fn(model(inputs), targets) (a mean
    over all N rows), computed with one forward/backward per consecutive micro-batch of at most
    micro_batch_size rows. Clear old gradients first. Return the full-batch loss as a float."""
    raise NotImplementedError
