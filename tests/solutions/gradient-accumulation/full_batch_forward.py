# expect: wrong_answer micro_batches_are_consecutive_slices
# Right gradient, but computed with one forward pass over the whole batch: no memory saved.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    model.zero_grad(set_to_none=True)
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    return loss.item()
