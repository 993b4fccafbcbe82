def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    """Full-batch gradient of a mean loss, accumulated over consecutive micro-batches."""
    n = inputs.size(0)
    for p in model.parameters():
        p.grad = None  # start clean: backward() adds into existing .grad
    total = 0.0
    for start in range(0, n, micro_batch_size):
        x = inputs[start : start + micro_batch_size]
        y = targets[start : start + micro_batch_size]
        share = x.size(0) / n  # the micro-batch loss is a mean over x.size(0) rows
        loss = loss_fn(model(x), y) * share
        loss.backward()        # accumulates into .grad
        total += loss.item()
    return total
