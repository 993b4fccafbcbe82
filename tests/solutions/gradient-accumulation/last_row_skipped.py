# expect: wrong_answer micro_batches_of_one_row
# Loops over range(0, N - 1, m): a last micro-batch of a single row (always, when m = 1) is skipped.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    """Full-batch gradient of a mean loss, accumulated over consecutive micro-batches."""
    n = inputs.size(0)
    for p in model.parameters():
        p.grad = None  # start clean: backward() adds into existing .grad
    total = 0.0
    for start in range(0, n - 1, micro_batch_size):
        x = inputs[start : start + micro_batch_size]
        y = targets[start : start + micro_batch_size]
        share = x.size(0) / n  # the micro-batch loss is a mean over x.size(0) rows
        loss = loss_fn(model(x), y) * share
        loss.backward()        # accumulates into .grad
        total += loss.item()
    return total
