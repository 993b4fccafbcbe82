# expect: wrong_answer even_split_matches_full_batch_gradient
# Clears the gradients at every micro-batch (the usual training-loop habit): only the last one survives.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    n = inputs.size(0)
    total = 0.0
    for start in range(0, n, micro_batch_size):
        model.zero_grad()
        x = inputs[start : start + micro_batch_size]
        loss = loss_fn(model(x), targets[start : start + micro_batch_size]) * (x.size(0) / n)
        loss.backward()
        total += loss.item()
    return total
