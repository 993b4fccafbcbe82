# expect: wrong_answer uneven_last_micro_batch
# Loops over N // m full micro-batches and silently skips the shorter last one.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    model.zero_grad(set_to_none=True)
    n = inputs.size(0)
    steps = max(1, n // micro_batch_size)
    total = 0.0
    for i in range(steps):
        x = inputs[i * micro_batch_size : (i + 1) * micro_batch_size]
        y = targets[i * micro_batch_size : (i + 1) * micro_batch_size]
        loss = loss_fn(model(x), y) * (x.size(0) / n)
        loss.backward()
        total += loss.item()
    return total
