# expect: wrong_answer existing_gradients_are_replaced
# Never clears the gradients first: whatever was already in .grad is added to the result.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    n = inputs.size(0)
    total = 0.0
    for start in range(0, n, micro_batch_size):
        x = inputs[start : start + micro_batch_size]
        loss = loss_fn(model(x), targets[start : start + micro_batch_size]) * (x.size(0) / n)
        loss.backward()
        total += loss.item()
    return total
